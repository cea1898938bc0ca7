"""The vocabulary's data files: loadable, validated, extendable by a CA."""

from __future__ import annotations

import shutil

import pytest

from pipeline.classifier.classifier import Classifier
from pipeline.classifier.context import ItemContext
from pipeline.classifier.vocabulary import DATA_DIR, Vocabulary, VocabularyError


@pytest.fixture
def data_dir(tmp_path):
    for name in ("terms.csv", "headings.csv", "abbreviations.csv", "qualifiers.csv"):
        shutil.copy(DATA_DIR / name, tmp_path / name)
    return tmp_path


def append(path, line: str) -> None:
    with path.open("a", encoding="utf-8") as handle:
        handle.write(line + "\n")


def test_the_shipped_vocabulary_loads():
    vocabulary = Vocabulary.load()
    assert len(vocabulary.terms) > 500
    assert vocabulary.defaults


def test_a_ca_can_add_a_term(data_dir):
    item = ItemContext("Gaushala contribution", statement="profit_and_loss", side="Dr")
    assert "gaushala" not in Classifier().classify([item])[0].evidence
    terms = data_dir / "terms.csv"
    text = terms.read_text().replace(
        "phrases,where,row,sign,strength\n",
        "phrases,where,row,sign,strength\ngaushala,expense,nonop_expenses,1,3\n",
    )
    terms.write_text(text)
    verdict = Classifier(vocabulary=Vocabulary.load(data_dir)).classify([item])[0]
    assert verdict.cma_key == "nonop_expenses"
    assert "gaushala" in verdict.evidence


def test_an_unknown_context_tag_names_the_file_and_line(data_dir):
    append(data_dir / "terms.csv", "cess payable,liabilty,statutory_liabilities,1,2")
    with pytest.raises(VocabularyError, match=r"terms\.csv:\d+: unknown context tag.*liabilty"):
        Vocabulary.load(data_dir)


def test_a_row_that_is_not_an_input_row_is_refused(data_dir):
    append(data_dir / "terms.csv", "net sales,income,net_sales,1,2")
    with pytest.raises(VocabularyError, match="'net_sales' is not an input row"):
        Vocabulary.load(data_dir)


def test_a_bad_strength_is_refused(data_dir):
    append(data_dir / "terms.csv", "cess payable,liability,statutory_liabilities,1,7")
    with pytest.raises(VocabularyError, match="strength"):
        Vocabulary.load(data_dir)
