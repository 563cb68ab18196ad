"""The demo district: 锦华区, a fictional district modelled on the offices' own reports (seeds/)."""

from __future__ import annotations

DEMO_PASSWORD = "Sunshine@2026"

# Region code of the fictional district, used inside the demo credit codes.
REGION_CODE = "510199"

DISTRICT = "锦华区人民政府"
# The city the district belongs to (the catalog's demo names it too).
CITY = "蓉州市"

DEPARTMENTS = [
    "锦华区人民政府办公室",
    "锦华区发展和改革局",
    "锦华区教育局",
    "锦华区科学技术局",
    "锦华区经济和信息化局",
    "锦华区公安分局",
    "锦华区民政局",
    "锦华区司法局",
    "锦华区财政局",
    "锦华区人力资源和社会保障局",
    "锦华区规划和自然资源局",
    "锦华区生态环境局",
    "锦华区住房和城乡建设局",
    "锦华区交通运输局",
    "锦华区水务局",
    "锦华区农业农村局",
    "锦华区商务局",
    "锦华区文化广播电视和旅游局",
    "锦华区卫生健康局",
    "锦华区退役军人事务局",
    "锦华区应急管理局",
    "锦华区审计局",
    "锦华区市场监督管理局",
    "锦华区统计局",
    "锦华区医疗保障局",
    "锦华区城市管理局",
    "锦华区政务服务管理局",
    "锦华区信访局",
    "锦华区投资促进局",
    "锦华区机关事务管理局",
]

# Units in the district that answer to their own system rather than to the district
# (垂直管理), each with the authority above it that hears reconsideration of its acts
# (行政复议法 2023 第二十七条). Tobacco monopoly, meteorology and fire rescue are vertically led
# as well. The housing provident fund's branch belongs to the city's fund centre, which the
# city government set up: reconsideration of its acts goes there, not to the district.
VERTICAL = {
    f"国家税务总局{CITY}锦华区税务局": f"国家税务总局{CITY}税务局",
    "国家统计局锦华调查队": f"国家统计局{CITY[:-1]}调查队",
    "锦华区烟草专卖局": f"{CITY}烟草专卖局",
    "锦华区气象局": f"{CITY}气象局",
    "锦华区消防救援大队": f"{CITY}消防救援支队",
    f"{CITY}住房公积金管理中心锦华分中心": f"{CITY}人民政府",
}

# Other bodies that station windows in the district's government service hall (政务服务大厅),
# directly under the district government ...
STATIONED = [
    "锦华区人民防空办公室",
    "锦华区残疾人联合会",
    "锦华区档案馆",
]
# ... or under the department they belong to.
SUBUNITS = {
    "锦华区规划和自然资源局": ["锦华区不动产登记中心"],
    "锦华区人力资源和社会保障局": ["锦华区社会保险事业管理局", "锦华区就业服务管理局"],
    "锦华区医疗保障局": ["锦华区医疗保障事务中心"],
    "锦华区民政局": ["锦华区婚姻登记处"],
    "锦华区公安分局": ["锦华区公安分局出入境管理大队", "锦华区公安分局交通警察大队"],
    "锦华区退役军人事务局": ["锦华区退役军人服务中心"],
    "锦华区政务服务管理局": ["锦华区公共资源交易服务中心"],
}

# Streets and townships with their communities (社区) or villages (村).
STREETS = {
    "东湖街道": ["东湖社区", "望江社区", "锦绣社区"],
    "青龙街道": ["青龙社区", "昭觉社区", "北湖社区"],
    "双桥街道": ["双桥子社区", "建设路社区", "万科社区"],
    "府河街道": ["府河社区", "新华社区", "桃源社区"],
    "龙潭街道": ["龙潭社区", "向龙社区", "同仁社区"],
    "保和街道": ["保和社区", "和美社区", "东篱社区"],
    "白莲街道": ["白莲池社区", "玉双社区", "东虹社区"],
    "万年街道": ["万年场社区", "杉板桥社区", "八里社区"],
}
TOWNSHIPS = {
    "金马镇": ["金马村", "石桥村", "柏杨村"],
    "青山乡": ["青山村", "云顶村", "红旗村"],
}

# Where each unit's disclosure office (政府信息公开工作机构) receives people and letters, for
# the 公开指南. The district government and its departments sit in the administrative centre,
# each on its own floor; streets and townships in their own offices, communities and villages in
# their service centres (党群服务中心).
CENTRE = "锦华区锦华大道二段88号"
OFFICE_HOURS = "工作日 9:00–12:00，13:30–17:30（法定节假日除外）"


def disclosure_office(name: str, unit_type: str, serial: int, parent: str | None) -> dict[str, str]:
    """Plausible contact details of the demo unit's disclosure office (numbers are fictional)."""
    if unit_type in ("government", "department"):
        building, floor = divmod(serial, 9)
        address = f"{CENTRE}区行政中心{building % 6 + 1}号楼{floor + 2}层"
        postal_code = "610066"
    elif unit_type in ("street", "township"):
        seat = "办事处" if unit_type == "street" else "人民政府"
        address = f"锦华区{name[:2]}路{serial % 97 + 1}号{name}{seat}"
        postal_code = f"6100{serial % 60 + 10:02d}"
    else:
        address = f"锦华区{parent or ''}{name}党群服务中心"
        postal_code = f"6100{serial % 60 + 10:02d}"
    office = {
        "office_address": address,
        "office_phone": f"028-8{4310000 + serial * 17:07d}",
        "office_hours": OFFICE_HOURS,
        "postal_address": f"{CITY}{address}，{name}政务公开工作机构收",
        "postal_code": postal_code,
    }
    if unit_type in ("government", "department", "street", "township"):
        office["office_email"] = f"zwgk{serial:03d}@jinhua.gov.cn"
    return office


# username, display name, unit name, roles
USERS = [
    ("admin", "系统运维", DISTRICT, ["ops_admin"]),
    ("office", "王敏（区政务公开办）", DISTRICT, ["office"]),
    ("supervisor", "李强（电子监察）", DISTRICT, ["supervisor"]),
    ("handler", "刘洋（依申请公开）", DISTRICT, ["application_handler"]),
    ("publisher", "张丽（教育局信息员）", "锦华区教育局", ["publisher"]),
    ("reviewer", "陈刚（教育局审查员）", "锦华区教育局", ["reviewer"]),
    ("edu_handler", "周婷（教育局依申请公开）", "锦华区教育局", ["application_handler"]),
    ("clerk", "赵静（政务大厅窗口）", "锦华区政务服务管理局", ["window_clerk"]),
    ("donghu", "孙磊（东湖街道信息员）", "东湖街道", ["publisher", "reviewer"]),
]
