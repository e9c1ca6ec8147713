"""Signpost: a static, privacy-first help and service directory generator."""
