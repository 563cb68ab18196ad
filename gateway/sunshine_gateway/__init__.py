"""Sunshine gateway: the single entry of the platform."""
