"""Managers' Russian explained: `ManagerPhrasebook.explain(text, reading) -> Explanation`
(explain), with the facts read from each sentence (facts), the sentence splitter (sentences),
number words (numbers) and the pattern index (cues)."""
