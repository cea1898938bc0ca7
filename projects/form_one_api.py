"""REST API for Form I: `GET` and `PUT /api/v1/projects/{id}/form-i`.

The body is the whole of Form I: the particulars and the facilities in order;
a facility left out of a PUT is removed, as on the portal's page.
"""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from pipeline.cma.form_one import FACILITY_KINDS, PARTICULARS
from projects import form_one_services
from projects.access import get_project_for_user, require_processing_role
from projects.api_responses import refusals
from projects.form_one_services import FACILITY_FIELDS
from projects.models import BorrowerParticulars, Facility


class ParticularsSerializer(serializers.ModelSerializer):
    class Meta:
        model = BorrowerParticulars
        fields = [key for key, _ in PARTICULARS]


class FacilitySerializer(serializers.ModelSerializer):
    kind = serializers.ChoiceField(choices=list(FACILITY_KINDS.items()))
    existing_limit = serializers.DecimalField(16, 2, min_value=0, default=0)
    proposed_limit = serializers.DecimalField(16, 2, min_value=0, default=0)
    stock_margin_pct = serializers.DecimalField(5, 2, min_value=0, max_value=100, required=False)
    receivables_margin_pct = serializers.DecimalField(
        5, 2, min_value=0, max_value=100, required=False
    )

    class Meta:
        model = Facility
        fields = list(FACILITY_FIELDS)


class FormOneSerializer(serializers.Serializer):
    particulars = ParticularsSerializer(required=False)
    facilities = FacilitySerializer(many=True, required=False)


def _document(project) -> dict:
    return FormOneSerializer(
        {
            "particulars": form_one_services.particulars_of(project),
            "facilities": list(project.facilities.all()),
        }
    ).data


class ProjectFormOne(APIView):
    @extend_schema(
        summary="A project's Form I",
        description="The borrower's particulars and the existing and proposed limits.",
        responses={200: FormOneSerializer, **refusals(404)},
    )
    def get(self, request, pk):
        return Response(_document(get_project_for_user(request.user, pk)))

    @extend_schema(
        summary="Enter a project's Form I",
        description=(
            "Replaces Form I: the particulars given (others blank) and the facilities in "
            "order (one left out is removed). Limits in rupees; drawing-power margins in "
            "percent, 25 on stock and 40 on receivables when left out. The next CMA "
            "generated prints it as its first sheet and in the JSON's `form_i`."
        ),
        request=FormOneSerializer,
        responses={200: FormOneSerializer, **refusals(400, 403, 404)},
    )
    def put(self, request, pk):
        project = get_project_for_user(request.user, pk)
        require_processing_role(request.user)
        data = FormOneSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        form_one_services.save_form_one(
            project,
            dict(data.validated_data.get("particulars") or {}),
            [dict(f) for f in data.validated_data.get("facilities") or []],
            acting_user=request.user,
        )
        return Response(_document(project))
