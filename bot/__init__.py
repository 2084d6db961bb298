"""Telegram bot that helps Chinese cross-border sellers reach their Ozon account manager."""
