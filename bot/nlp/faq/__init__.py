"""Sellers' free-text questions → topics: `FaqMatcher.match(text) -> Match` (matcher), with
its text folding (text), model (model), word cues (signals) and typed pinyin (pinyin)."""
