"""The guide in more than one language: which languages there are (languages.py) and how a
translation is checked against its English original (translations.py)."""
