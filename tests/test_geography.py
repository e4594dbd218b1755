from site_builder import geography


def test_878_districts_outside_bangkok_in_76_provinces():
    assert len(geography.districts()) == 878
    assert len(geography.provinces()) == 76
    assert "10" not in geography.provinces()


def test_phrae_has_its_eight_districts():
    phrae = [d for d in geography.districts() if d.province_code == "54"]
    assert [d.code for d in phrae] == [f"540{i}" for i in range(1, 9)]
    assert geography.district_by_code()["5403"].name == "ลอง"
