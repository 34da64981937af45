from django.db import models

from core.sanitize import clean_html


class RichTextField(models.TextField):
    """Sanitised HTML. Cleaned when saved; templates clean it again with ``|rich``."""

    def pre_save(self, model_instance, add):
        value = clean_html(getattr(model_instance, self.attname))
        setattr(model_instance, self.attname, value)
        return value

    def formfield(self, **kwargs):
        field = super().formfield(**kwargs)
        field.help_text = field.help_text or ""
        return field
