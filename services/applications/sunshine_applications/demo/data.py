"""The words of the demo applications: the district's offices and how busy each is, what
people ask them for, the applicants' names, and how often each result comes up."""

from __future__ import annotations

from sunshine_applications.applications.models import OrganisationKind, Outcome

DISTRICT = "锦华区人民政府"
# The demo accounts that handle applications (the gateway's demo users); other units' handlers
# are named after the unit.
HANDLERS = {"锦华区教育局": "edu_handler", DISTRICT: "handler", "锦华区人民政府办公室": "handler"}
# Where people ask most: schooling, land and housing, social security, health, the environment.
BUSY = {
    "锦华区教育局": 8,
    "锦华区规划和自然资源局": 7,
    "锦华区住房和城乡建设局": 7,
    "锦华区人力资源和社会保障局": 5,
    "锦华区人民政府": 4,
    "锦华区生态环境局": 4,
    "锦华区卫生健康局": 3,
    "锦华区市场监督管理局": 3,
    "锦华区财政局": 3,
    "锦华区交通运输局": 2,
    "锦华区城市管理局": 2,
}
# What applicants ask each kind of office for; "{year}" and "{place}" are filled in.
TOPICS = {
    "教育": [
        "{year}年义务教育阶段学校划片范围及其确定依据",
        "{place}新建小学的立项批复和建设进度",
        "{year}年民办学校年检结果",
        "{year}年教师招聘考试成绩及录取名单的确定程序",
    ],
    "规划": [
        "{place}地块控制性详细规划及调整的批复文件",
        "{place}集体土地征收的征地补偿安置方案",
        "{place}建设项目用地规划许可证及附图",
    ],
    "住房": [
        "{place}老旧小区改造项目的实施方案和资金使用情况",
        "{place}房屋征收决定及补偿方案",
        "{year}年公共租赁住房分配名单及审核标准",
        "{place}商品房项目的预售许可证",
    ],
    "人力": [
        "{year}年企业职工养老保险缴费基数的核定依据",
        "{year}年就业创业补贴的发放名单和标准",
        "本人工伤认定决定书及调查材料",
    ],
    "生态": [
        "{place}污水处理厂的环境影响评价文件及批复",
        "{year}年{place}噪声投诉的处理结果",
        "{place}企业排污许可证及监测数据",
    ],
    "卫生": [
        "{year}年{place}社区卫生服务中心的财政补助资金使用情况",
        "{place}医疗机构执业许可的审批材料",
    ],
    "市场": [
        "{year}年食品安全监督抽检结果",
        "对{place}某商户投诉的处理结果及依据",
    ],
    "财政": [
        "{year}年区级部门预算及“三公”经费",
        "{year}年政府采购项目的中标结果",
    ],
    "交通": ["{place}道路改造工程的立项及招标文件", "{year}年公交线路调整的论证材料"],
    "城市": ["{place}违法建筑的认定及拆除决定", "{year}年{place}占道经营整治方案"],
    "街道": [
        "{place}低保对象认定名单及审核程序",
        "{place}拆迁安置房分配方案",
        "{year}年{place}惠民资金的使用明细",
    ],
}
GENERIC = [
    "{year}年本机关重大行政决策事项目录",
    "{year}年本机关行政处罚案件的统计数据",
    "{place}项目的审批文件和实施方案",
]
PLACES = ["东湖路", "望江片区", "青龙场", "双桥子", "府河沿线", "龙潭工业园", "保和片区", "白莲池"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍建国红梅志文晓东海燕"
ORGANISATIONS = {
    OrganisationKind.BUSINESS: ["锦华{}商贸有限公司", "{}置业有限公司", "锦华{}建筑工程有限公司"],
    OrganisationKind.RESEARCH: ["{}城市发展研究院", "锦华区{}规划设计研究所"],
    OrganisationKind.PUBLIC_WELFARE: ["锦华区{}公益服务中心", "{}环保志愿者协会"],
    OrganisationKind.LEGAL_SERVICE: ["四川{}律师事务所", "锦华区{}法律服务所"],
    OrganisationKind.OTHER: ["{}业主委员会", "{}农民专业合作社"],
}
ORG_WORDS = ["恒信", "天府", "锦程", "同心", "蓝天", "华阳", "致远", "和谐", "明德", "青城"]
EXPLANATIONS = {
    Outcome.DISCLOSED: ("经查，您申请的信息属于本机关公开范围，现予以提供。", ""),
    Outcome.PARTLY_DISCLOSED: (
        "您申请的信息中含有个人隐私，已作区分处理，其余部分予以公开。",
        "《中华人民共和国政府信息公开条例》第十五条、第三十七条",
    ),
    Outcome.NOT_DISCLOSED: (
        "经审查，您申请的信息属于不予公开的范围。",
        "《中华人民共和国政府信息公开条例》第十四条、第十五条、第十六条",
    ),
    Outcome.UNAVAILABLE: (
        "经检索，本机关未制作或获取您申请的信息。",
        "《中华人民共和国政府信息公开条例》第三十六条第（四）项",
    ),
    Outcome.NOT_PROCESSED: ("您的申请不属于政府信息公开申请的处理范围。", "条例第三十六条"),
    Outcome.OTHER: ("本机关不再处理该政府信息公开申请。", "条例第三十条、第四十二条"),
}
# How often each result comes up (roughly a district's annual report).
OUTCOME_WEIGHTS = {
    Outcome.DISCLOSED: 45,
    Outcome.PARTLY_DISCLOSED: 12,
    Outcome.NOT_DISCLOSED: 8,
    Outcome.UNAVAILABLE: 20,
    Outcome.NOT_PROCESSED: 8,
    Outcome.OTHER: 4,
}
SHOWCASE_UNIT = "锦华区教育局"
SUPPLEMENT_REQUEST = "请补充所需信息的名称、文号或者便于行政机关查询的其他特征性描述。"
