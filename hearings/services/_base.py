"""What every service module shares."""

from django.utils import timezone

# Citizens' contact data are kept about half a year after the deadline unless staff choose
# another date: long enough to answer follow-up questions, short enough to respect GDPR
# art. 5(1)(e) (storage limitation).
DEFAULT_PERSONAL_DATA_DAYS = 183


def _today():
    return timezone.localdate()
