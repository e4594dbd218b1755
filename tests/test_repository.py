from pathlib import Path

from site_builder.repository import load_repository

ROOT = Path(__file__).resolve().parents[1]


def test_the_real_repository_has_the_eight_phrae_pilots_and_no_invented_reports():
    loaded = load_repository(ROOT)
    assert loaded.errors() == []
    ds = loaded.datasets[2555]
    assert sorted(ds.pilots) == [f"540{i}" for i in range(1, 9)]
    assert ds.pilots["5403"].lao_name == "องค์การบริหารส่วนตำบลต้าผามอก"
    assert len(ds.districts) == 878
    assert ds.fictional is False
