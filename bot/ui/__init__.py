"""What sellers see: callback data, wizard states, labels, formatting, views and keyboards."""
