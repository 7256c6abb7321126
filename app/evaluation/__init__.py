"""Measuring the interview: scripted scenario runs and the utterance corpus."""
