from django.utils.text import slugify

_DANISH = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa"})


def danish_slugify(value):
    """slugify() that spells æ, ø and å the Danish way (Børne- → boerne-), instead of
    dropping ø and flattening å to a."""
    return slugify(str(value).translate(_DANISH))
