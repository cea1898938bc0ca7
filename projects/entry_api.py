"""REST API for what the CA enters: Form I (`/api/v1/projects/{id}/form-i`) and the
projections' assumptions (`/api/v1/projects/{id}/assumptions`) and the term loans'
schedules (`/api/v1/projects/{id}/term-loans`, and `.../term-loans/read` to read a
lender's EMI schedule into one) and the stock statement behind the drawing power
(`/api/v1/projects/{id}/stock-statement`, and `.../stock-statement/read`), each GET
and PUT.

A PUT's body is the whole of it: a facility or an assumption left out is
removed (an assumption then takes its default), as on the portal's pages.
"""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from pipeline.cma.assumptions import BALANCING_ROWS, SPECS, AssumptionError
from pipeline.cma.drawing_power import drawing_power
from pipeline.cma.export import drawing_power_fields
from pipeline.cma.form_one import FACILITY_KINDS, PARTICULARS
from pipeline.cma_inputs import form_one_of, stock_position_of
from projects import entry_services
from projects.access import get_project_for_user, require_processing_role
from projects.api_responses import refusals
from projects.entry_services import FACILITY_FIELDS
from projects.models import BorrowerParticulars, Facility, StockStatement
from projects.services import ServiceError
from projects.throttles import ThrottledView, UploadThrottle


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


class LoanYearSerializer(serializers.Serializer):
    interest = serializers.DecimalField(16, 2, min_value=0)
    principal = serializers.DecimalField(16, 2, min_value=0)
    outstanding = serializers.DecimalField(16, 2, min_value=0)


class TermLoanSerializer(serializers.Serializer):
    id = serializers.IntegerField(
        required=False, help_text="The stored loan's id; in a PUT, the loan this corrects."
    )
    lender = serializers.CharField(max_length=200)
    sanction = serializers.DecimalField(16, 2, min_value=0, required=False, allow_null=True)
    rate_pct = serializers.DecimalField(
        6, 3, min_value=0, max_value=100, required=False, allow_null=True
    )
    emi = serializers.DecimalField(16, 2, min_value=0, required=False, allow_null=True)
    moratorium_months = serializers.IntegerField(min_value=0, max_value=120, default=0)
    years = serializers.DictField(
        child=LoanYearSerializer(), help_text='By financial year: {"FY2026": {...}}.'
    )
    source = serializers.CharField(read_only=True)


class TermLoansSerializer(serializers.Serializer):
    loans = TermLoanSerializer(many=True)


def _loans_document(project) -> dict:
    return TermLoansSerializer({"loans": list(project.term_loan_schedules.all())}).data


class ProjectTermLoans(APIView):
    @extend_schema(
        summary="A project's term loans",
        description=(
            "Each loan's schedule (lender, sanction, rate, EMI, moratorium, and per "
            "financial year the interest and principal paid and the balance outstanding) "
            "and where it came from: read from a lender's file, corrected by the CA, or "
            "entered."
        ),
        responses={200: TermLoansSerializer, **refusals(404)},
    )
    def get(self, request, pk):
        return Response(_loans_document(get_project_for_user(request.user, pk)))

    @extend_schema(
        summary="Enter or correct a project's term loans",
        description=(
            "Replaces the loans, in order; one left out is removed. A loan carrying the "
            "`id` of a stored one corrects it (its source then says so). The next CMA "
            "generated takes Form II's interest on term loans, and in the projected years "
            "the term debt and the instalments the DSCR services, from these schedules."
        ),
        request=TermLoansSerializer,
        responses={200: TermLoansSerializer, **refusals(400, 403, 404)},
    )
    def put(self, request, pk):
        project = get_project_for_user(request.user, pk)
        require_processing_role(request.user)
        data = TermLoansSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        loans = [dict(loan) for loan in data.validated_data["loans"]]
        try:
            entry_services.save_term_loans(project, loans, acting_user=request.user)
        except ServiceError as error:
            return Response({"detail": error.message}, status=error.status)
        return Response(_loans_document(project))


class ProjectTermLoanRead(ThrottledView, APIView):
    parser_classes = [MultiPartParser, FormParser]
    throttle_classes = [UploadThrottle]

    @extend_schema(
        summary="Read a lender's EMI schedule into a term loan",
        description=(
            "The lender's schedule (Excel or PDF) in the multipart field `file`, recognised "
            "by its table: read into a new loan of the project, which a PUT may correct."
        ),
        request={
            "multipart/form-data": {
                "type": "object",
                "properties": {"file": {"type": "string", "format": "binary"}},
            }
        },
        responses={201: TermLoanSerializer, **refusals(400, 403, 404, 429)},
    )
    def post(self, request, pk):
        project = get_project_for_user(request.user, pk)
        require_processing_role(request.user)
        upload = request.FILES.get("file")
        if upload is None:
            return Response(
                {"detail": "Send the lender's schedule in the multipart field 'file'."},
                status=status.HTTP_400_BAD_REQUEST,
            )
        try:
            row = entry_services.read_term_loan(project, upload, acting_user=request.user)
        except ServiceError as error:
            return Response({"detail": error.message}, status=error.status)
        return Response(TermLoanSerializer(row).data, status=status.HTTP_201_CREATED)


class StockStatementSerializer(serializers.Serializer):
    period = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    stock = serializers.DecimalField(16, 2, min_value=0)
    creditors_for_goods = serializers.DecimalField(16, 2, min_value=0, default=0)
    receivables_under_90 = serializers.DecimalField(16, 2, min_value=0, default=0)
    receivables_over_90 = serializers.DecimalField(16, 2, min_value=0, default=0)
    stock_parts = serializers.DictField(read_only=True)
    warnings = serializers.ListField(read_only=True)
    source = serializers.CharField(read_only=True)


def _statement_document(project) -> dict:
    row = StockStatement.objects.filter(project=project).first()
    position = stock_position_of(project)
    dp = drawing_power(position, form_one_of(project)) if position else None
    return {
        "statement": StockStatementSerializer(row).data if row else None,
        "drawing_power": drawing_power_fields(dp) if dp else None,
    }


class ProjectStockStatement(APIView):
    @extend_schema(
        summary="A project's stock statement and drawing power",
        description=(
            "The latest stock and book-debts statement (null before one is given) and the "
            "drawing power it gives: (stock − creditors for goods) × (1 − stock margin) + "
            "receivables up to 90 days × (1 − receivables margin), with the margins and "
            "limit of the first working-capital facility of Form I (25 % and 40 % without)."
        ),
        responses={200: dict, **refusals(404)},
    )
    def get(self, request, pk):
        return Response(_statement_document(get_project_for_user(request.user, pk)))

    @extend_schema(
        summary="Enter or correct a project's stock statement",
        description="Amounts in rupees; a statement read from a file and changed says so.",
        request=StockStatementSerializer,
        responses={200: dict, **refusals(400, 403, 404)},
    )
    def put(self, request, pk):
        project = get_project_for_user(request.user, pk)
        require_processing_role(request.user)
        data = StockStatementSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        entry_services.save_stock_statement(
            project, dict(data.validated_data), acting_user=request.user
        )
        return Response(_statement_document(project))


class ProjectStockStatementRead(ThrottledView, APIView):
    parser_classes = [MultiPartParser, FormParser]
    throttle_classes = [UploadThrottle]

    @extend_schema(
        summary="Read the borrower's stock statement",
        description=(
            "The statement filed with the bank (Excel) in the multipart field `file`, "
            "recognised by its table (stocks, creditors for goods, book debts aged up to "
            "and over 90 days): it becomes the project's statement."
        ),
        request={
            "multipart/form-data": {
                "type": "object",
                "properties": {"file": {"type": "string", "format": "binary"}},
            }
        },
        responses={201: dict, **refusals(400, 403, 404, 429)},
    )
    def post(self, request, pk):
        project = get_project_for_user(request.user, pk)
        require_processing_role(request.user)
        upload = request.FILES.get("file")
        if upload is None:
            return Response(
                {"detail": "Send the stock statement in the multipart field 'file'."},
                status=status.HTTP_400_BAD_REQUEST,
            )
        try:
            entry_services.read_stock_statement_file(project, upload, acting_user=request.user)
        except ServiceError as error:
            return Response({"detail": error.message}, status=error.status)
        return Response(_statement_document(project), status=status.HTTP_201_CREATED)
