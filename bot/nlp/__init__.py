"""Text understanding, pure (no aiogram, no I/O, `now` passed in): sellers' questions
(`faq`), managers' Russian (`russian`), typed times, numbers and choices (`typed`)."""
