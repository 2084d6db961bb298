"""aiogram plumbing that knows nothing of Ozon: speed-ups, retries, the send budget, the webhook
handler, keyboards, filters."""
