"""Pure rules, content, storage and the command line, without a bot."""
