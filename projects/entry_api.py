"""REST API for what the CA enters: Form I (`/api/v1/projects/{id}/form-i`) and the
projections' assumptions (`/api/v1/projects/{id}/assumptions`), each GET and PUT.

A PUT's body is the whole of it: a facility or an assumption left out is
removed (an assumption then takes its default), as on the portal's pages.
"""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from pipeline.cma.assumptions import BALANCING_ROWS, SPECS, AssumptionError
from pipeline.cma.form_one import FACILITY_KINDS, PARTICULARS
from projects import entry_services
from projects.access import get_project_for_user, require_processing_role
from projects.api_responses import refusals
from projects.entry_services import FACILITY_FIELDS
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
            "particulars": entry_services.particulars_of(project),
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
        entry_services.save_form_one(
            project,
            dict(data.validated_data.get("particulars") or {}),
            [dict(f) for f in data.validated_data.get("facilities") or []],
            acting_user=request.user,
        )
        return Response(_document(project))


class AssumptionsInput(serializers.Serializer):
    assumptions = serializers.DictField(
        help_text="By key (GET lists them): a number, or {year: number} for the per-year "
        "ones, and `balancing_row`. A key left out takes its default."
    )


def _assumptions_document(project) -> dict:
    return {
        "assumptions": project.assumptions,
        "keys": {
            name: {
                "label": spec.label,
                "per_year": spec.per_year,
                "low": None if spec.low is None else str(spec.low),
                "high": None if spec.high is None else str(spec.high),
            }
            for name, spec in SPECS.items()
        },
        "balancing_rows": list(BALANCING_ROWS),
    }


class ProjectAssumptions(APIView):
    @extend_schema(
        summary="A project's projection assumptions",
        description=(
            "What the CA stated (`assumptions`) and every key that may be stated, with its "
            "label, range and whether it takes values per year."
        ),
        responses={200: dict, **refusals(404)},
    )
    def get(self, request, pk):
        return Response(_assumptions_document(get_project_for_user(request.user, pk)))

    @extend_schema(
        summary="Enter a project's projection assumptions",
        description=(
            "Replaces the stated assumptions: sales growth or net sales per year, holding "
            "levels in months (raw materials, stock-in-process, finished goods, receivables, "
            "creditors), the limit requested, new term loans and capital expenditure, "
            "dividend or drawings, the tax rate, and the rest of GET's keys. Amounts in "
            "rupees. What is left out takes its default; the next CMA generated lists every "
            "value with who gave it on its Assumptions sheet."
        ),
        request=AssumptionsInput,
        responses={200: dict, **refusals(400, 403, 404)},
    )
    def put(self, request, pk):
        project = get_project_for_user(request.user, pk)
        require_processing_role(request.user)
        data = AssumptionsInput(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            entry_services.save_assumptions(
                project, data.validated_data["assumptions"], acting_user=request.user
            )
        except AssumptionError as error:
            return Response({"detail": str(error)}, status=status.HTTP_400_BAD_REQUEST)
        return Response(_assumptions_document(project))
