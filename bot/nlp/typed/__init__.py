"""What sellers type into a wizard: times (`read_time`, times; words in time_words), time
zones by name (zones), counts in words and numerals (numbers), cancel words and a button's
label typed instead of pressed (choices)."""
