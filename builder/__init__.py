"""Turn market-research reports into a published, cross-linked market brief."""

__version__ = "0.1.0"
