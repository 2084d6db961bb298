"""Handlers through the production dispatcher, against the in-process Bot API emulator."""
