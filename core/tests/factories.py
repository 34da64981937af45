import factory
from django.contrib.auth import get_user_model

from core.models import Department, Municipality, MunicipalityRole


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Municipality
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Kommune {n}")
    slug = factory.Sequence(lambda n: f"kommune-{n}")


class DepartmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Department

    municipality = factory.SubFactory(MunicipalityFactory)
    name = factory.Sequence(lambda n: f"Forvaltning {n}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"bruger{n}")
    first_name = factory.Sequence(lambda n: f"Bruger {n}")
    password = factory.django.Password("kodeord-til-test")


class EditorFactory(UserFactory):
    """A secretariat user (editor role) of one municipality."""

    municipality = factory.SubFactory(MunicipalityFactory)
    role = MunicipalityRole.Role.EDITOR

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        municipality = kwargs.pop("municipality")
        role = kwargs.pop("role")
        user = super()._create(model_class, *args, **kwargs)
        MunicipalityRole.objects.create(user=user, municipality=municipality, role=role)
        return user
