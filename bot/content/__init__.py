"""Content files shipped with the bot: the policy values."""
