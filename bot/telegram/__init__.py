"""aiogram plumbing that knows nothing of Ozon: speed-ups, retries, pacing, keyboards, filters."""
