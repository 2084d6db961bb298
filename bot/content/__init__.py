"""Content files shipped with the bot (policy values, knowledge, templates) and their loaders."""
