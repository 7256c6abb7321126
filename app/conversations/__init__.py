"""Requester chat sessions: the HTTP face of the interview, and their storage."""
