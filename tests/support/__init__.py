"""What tests share: the repository paths, chat drivers, the fake Bot API, bot processes."""
