"""Pure rules: no aiogram, no I/O, the current time passed in."""
