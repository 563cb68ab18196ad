"""Reporting service: annual reports, monthly bulletins and work-summary figures."""
