"""The words of the demo catalogue: what 锦华区's units publish, in the offices' own phrasing.

Titles, document numbers and bodies follow the district reports and work plans in the seeds
(政务公开工作要点, 年度报告, 双公示, 低保公示, 应急预案…); every name here is fictional.
"""

from __future__ import annotations

from dataclasses import dataclass, field

DISTRICT = "锦华区人民政府"
CITY = "蓉州市"


@dataclass(frozen=True)
class Profile:
    """What one department publishes: its 发文字号 prefix, its subject area and typical kinds."""

    abbreviation: str  # 发文字号的机关代字, e.g. 锦教发
    topic: str  # 主题分类
    column: str  # the column its ordinary notices go to
    subjects: tuple[str, ...]  # what its notices and policy documents are about
    kinds: dict[str, int] = field(default_factory=dict)  # extra kinds and their weights


# The district's departments, by the names the gateway's demo gives them.
DEPARTMENTS: dict[str, Profile] = {
    "锦华区人民政府办公室": Profile(
        "锦府办发",
        "综合政务",
        "A20-15",
        (
            "政务公开",
            "政府网站和政务新媒体检查",
            "政府信息公开工作年度报告编制",
            "营商环境优化",
            "基层政务公开标准化规范化建设",
            "“一网通办”改革",
        ),
        {"normative": 10, "response": 6},
    ),
    "锦华区发展和改革局": Profile(
        "锦发改发",
        "发展规划",
        "A20-03-02",
        ("重大项目储备", "社会信用体系建设", "粮食安全责任制考核", "价格监测"),
        {"construction": 12, "plan": 8},
    ),
    "锦华区教育局": Profile(
        "锦教发",
        "教育",
        "A20-11-02",
        (
            "秋季学期义务教育招生入学",
            "中小学校课后服务",
            "学生资助",
            "校园安全专项整治",
            "幼儿园招生",
            "教师资格认定",
        ),
        {"education": 16},
    ),
    "锦华区科学技术局": Profile(
        "锦科发",
        "科技",
        "A20-15",
        ("科技型中小企业评价", "高新技术企业培育", "科技创新券兑付"),
        {"subsidy": 6},
    ),
    "锦华区经济和信息化局": Profile(
        "锦经信发",
        "工业和信息化",
        "A20-15",
        ("工业企业技术改造", "中小企业纾困", "数字经济发展"),
        {"subsidy": 6},
    ),
    "锦华区公安分局": Profile(
        "锦公发",
        "公安",
        "A20-15",
        ("户籍业务办理", "交通安全整治", "电信网络诈骗防范宣传"),
        {"penalty": 6, "licence": 4},
    ),
    "锦华区民政局": Profile(
        "锦民发",
        "民政",
        "A20-11-04",
        ("最低生活保障审核确认", "特困人员救助供养", "养老服务补贴发放", "社会组织年度检查"),
        {"dibao": 14},
    ),
    "锦华区司法局": Profile(
        "锦司发",
        "司法",
        "A20-15",
        ("法治政府建设", "行政规范性文件清理", "人民调解", "普法依法治理"),
        {"normative": 4},
    ),
    "锦华区财政局": Profile(
        "锦财发",
        "财政",
        "A20-07-01",
        ("预算绩效管理", "政府债务管理", "国库集中支付", "政府采购监督管理"),
        {"procurement": 6},
    ),
    "锦华区人力资源和社会保障局": Profile(
        "锦人社发",
        "人力资源和社会保障",
        "A20-11-05",
        ("就业创业补贴申领", "高校毕业生就业见习", "农民工工资支付保障", "职业技能培训"),
        {"recruitment": 8, "employment": 10},
    ),
    "锦华区规划和自然资源局": Profile(
        "锦规资发",
        "自然资源",
        "A20-10-04",
        ("国土空间规划编制", "土地征收成片开发", "耕地保护", "不动产登记"),
        {"construction": 10, "land": 8},
    ),
    "锦华区生态环境局": Profile(
        "锦环发",
        "生态环境",
        "A20-13-01",
        ("大气污染防治", "河长制", "建设项目环境影响评价", "噪声污染防治"),
        {"penalty": 10, "environment": 10, "licence": 4},
    ),
    "锦华区住房和城乡建设局": Profile(
        "锦住建发",
        "城乡建设",
        "A20-10-05",
        ("老旧小区改造", "建筑施工安全", "物业服务管理", "保障性租赁住房"),
        {"construction": 12, "licence": 6},
    ),
    "锦华区交通运输局": Profile(
        "锦交发",
        "交通运输",
        "A20-15",
        ("农村公路养护", "出租汽车管理", "道路运输安全"),
        {"licence": 8, "penalty": 6},
    ),
    "锦华区水务局": Profile(
        "锦水发",
        "水利",
        "A20-15",
        ("防汛抗旱", "河道管理", "节约用水"),
        {"emergency_plan": 4},
    ),
    "锦华区农业农村局": Profile(
        "锦农发",
        "农业农村",
        "A20-11-01",
        ("乡村振兴", "高标准农田建设", "耕地地力保护补贴", "动物防疫"),
        {"rural": 12},
    ),
    "锦华区商务局": Profile(
        "锦商发", "商务", "A20-15", ("消费促进", "外贸稳增长", "商贸流通"), {"subsidy": 4}
    ),
    "锦华区文化广播电视和旅游局": Profile(
        "锦文旅发",
        "文化旅游",
        "A20-15",
        ("公共文化服务", "文物保护", "旅游市场整治"),
        {"licence": 4, "penalty": 3},
    ),
    "锦华区卫生健康局": Profile(
        "锦卫健发",
        "卫生健康",
        "A20-11-03",
        ("基本公共卫生服务", "家庭医生签约服务", "传染病防控", "医疗机构校验"),
        {"health": 10, "licence": 6, "penalty": 6},
    ),
    "锦华区退役军人事务局": Profile(
        "锦退役军人发",
        "退役军人事务",
        "A20-11-04",
        ("优抚对象抚恤补助", "退役士兵安置", "光荣牌悬挂"),
    ),
    "锦华区应急管理局": Profile(
        "锦应急发",
        "应急管理",
        "A20-12-03",
        ("安全生产大检查", "森林防灭火", "防汛减灾", "自然灾害救助"),
        {"emergency_plan": 10, "warning": 12, "safety": 10, "penalty": 4},
    ),
    "锦华区审计局": Profile(
        "锦审发",
        "审计",
        "A20-15",
        ("本级预算执行审计", "经济责任审计", "审计整改"),
        {"audit": 8},
    ),
    "锦华区市场监督管理局": Profile(
        "锦市监发",
        "市场监管",
        "A20-13-04",
        ("食品安全抽检", "特种设备安全", "产品质量监督抽查", "价格监督检查"),
        {"licence": 22, "penalty": 22, "food": 10},
    ),
    "锦华区统计局": Profile(
        "锦统发",
        "统计",
        "A20-04-02",
        ("经济普查", "统计执法检查", "统计数据质量"),
        {"statistics": 30},
    ),
    "锦华区医疗保障局": Profile(
        "锦医保发",
        "医疗保障",
        "A20-11-03",
        ("城乡居民医保参保缴费", "医保基金监管", "门诊共济保障"),
        {"health": 4},
    ),
    "锦华区城市管理局": Profile(
        "锦城管发",
        "城市管理",
        "A20-15",
        ("市容环境整治", "生活垃圾分类", "户外广告设置"),
        {"penalty": 14, "licence": 4},
    ),
    "锦华区政务服务管理局": Profile(
        "锦政务发",
        "政务服务",
        "A20-05-02",
        ("政务服务事项标准化", "“好差评”制度", "帮办代办服务"),
        {"licence": 16, "service_guide": 12},
    ),
    "锦华区信访局": Profile(
        "锦信访发",
        "信访",
        "A20-15",
        ("信访事项办理", "领导干部接访下访"),
        {"response": 8},
    ),
    "锦华区投资促进局": Profile(
        "锦投促发", "投资促进", "A20-15", ("招商引资项目", "重大项目签约"), {"subsidy": 4}
    ),
    "锦华区机关事务管理局": Profile(
        "锦机管发",
        "机关事务",
        "A20-15",
        ("公共机构节能", "公务用车管理", "办公用房管理"),
        {"procurement": 8},
    ),
}

GOVERNMENT = Profile(
    "锦府发",
    "综合政务",
    "A20-15",
    (
        "“十五五”规划编制",
        "营商环境优化",
        "城市更新",
        "耕地保护",
        "“放管服”改革",
        "防汛减灾",
        "民营经济高质量发展",
        "稳就业保民生",
    ),
    {"normative": 16, "regulation": 2, "plan": 10, "emergency_plan": 4, "personnel": 6},
)
STREET_SUBJECTS = (
    "辖区安全生产隐患排查",
    "城市环境综合整治",
    "社区网格化服务管理",
    "退役军人服务站建设",
    "居家养老服务",
    "防汛减灾",
)
COMMUNITY_SUBJECTS = ("居务公开", "老旧院落改造", "文明小区创建", "居民议事会")

# Kinds every unit of a type publishes, with weights (department profiles add their own).
BASE_KINDS: dict[str, dict[str, int]] = {
    "government": {"notice": 30, "response": 6, "procurement": 4},
    "department": {
        "notice": 30,
        "normative": 4,
        "plan": 5,
        "procurement": 6,
        "personnel": 4,
        "response": 2,
        "emergency_plan": 1,
        "charges": 1,
    },
    "street": {
        "notice": 24,
        "dibao": 14,
        "plan": 4,
        "procurement": 3,
        "emergency_plan": 3,
        "safety": 6,
        "response": 3,
    },
    "township": {
        "notice": 24,
        "dibao": 12,
        "rural": 14,
        "plan": 4,
        "procurement": 3,
        "emergency_plan": 3,
        "safety": 4,
    },
    "community": {"community": 20, "dibao": 8},
    "village": {"village": 20, "dibao": 6, "rural": 8},
}
# How many items a unit of a type publishes, compared with a department.
UNIT_WEIGHTS = {
    "government": 8.0,
    "department": 3.0,
    "street": 3.0,
    "township": 3.0,
    "community": 0.8,
    "village": 0.8,
}
BUSY_DEPARTMENTS = {
    "锦华区人民政府办公室": 6.0,
    "锦华区教育局": 5.0,
    "锦华区市场监督管理局": 6.0,
    "锦华区卫生健康局": 4.0,
    "锦华区民政局": 4.0,
    "锦华区应急管理局": 4.0,
}

POLICY_FORMS = ("管理办法", "实施办法", "实施细则", "暂行办法", "若干措施", "工作规程")
INTERPRETATION_FORMS = ("《{t}》政策解读", "图解：《{t}》", "一图读懂《{t}》", "《{t}》解读")
PROCUREMENT_PROJECTS = (
    "办公设备",
    "物业管理服务",
    "信息化系统运维服务",
    "机关食堂食材配送服务",
    "安保服务",
    "道路维修工程",
    "校园安全设施改造",
    "档案数字化加工服务",
    "公共区域绿化养护",
    "政务服务大厅改造工程",
    "视频监控系统升级",
    "法律顾问服务",
)
PROCUREMENT_STAGES = (
    "政府采购意向公开",
    "竞争性磋商公告",
    "公开招标公告",
    "中标（成交）结果公告",
    "合同公告",
)
COMPANY_PREFIXES = ("锦华", "蓉州", "蜀通", "天府", "锦程", "华信", "益民", "长青", "安和", "瑞丰")
COMPANY_TRADES = (
    ("餐饮管理有限公司", "食品经营许可", "《中华人民共和国食品安全法》"),
    ("建筑工程有限公司", "建筑工程施工许可", "《建设工程质量管理条例》"),
    ("医药连锁有限公司", "药品经营许可", "《中华人民共和国药品管理法》"),
    ("商贸有限公司", "食品经营许可", "《中华人民共和国食品安全法》"),
    ("物流有限公司", "道路货物运输经营许可", "《中华人民共和国道路运输条例》"),
    ("环保科技有限公司", "排污许可", "《中华人民共和国大气污染防治法》"),
    ("诊所", "医疗机构执业许可", "《医疗机构管理条例》"),
    ("文化传播有限公司", "营业性演出许可", "《营业性演出管理条例》"),
    ("机动车检测有限公司", "特种设备使用登记", "《中华人民共和国特种设备安全法》"),
    ("超市", "食品经营许可", "《中华人民共和国食品安全法》"),
)
VIOLATIONS = (
    "经营超过保质期的食品",
    "未按规定公示营业执照",
    "未落实扬尘污染防治措施",
    "超标排放大气污染物",
    "未取得许可擅自从事经营活动",
    "占道经营",
    "违规设置户外广告",
    "虚假宣传",
    "未按规定进行特种设备定期检验",
    "夜间施工噪声超标",
)
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高"
GIVEN = ("伟", "芳", "敏", "静", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超")
HAZARDS = (
    "防汛",
    "地质灾害",
    "森林火灾",
    "突发环境事件",
    "突发公共卫生事件",
    "危险化学品事故",
    "大面积停电事件",
    "地震",
)
WARNINGS = ("暴雨蓝色", "暴雨黄色", "高温橙色", "大风蓝色", "地质灾害气象风险黄色", "雷电黄色")
RESPONSE_ISSUES = (
    "小区停车难",
    "学校周边交通拥堵",
    "夜间施工噪声扰民",
    "老旧小区加装电梯",
    "农贸市场环境卫生",
    "公交线路调整",
    "河道水质",
    "养老服务设施不足",
)
SERVICE_MATTERS = (
    "企业开办",
    "不动产登记",
    "社会保障卡申领",
    "个体工商户设立登记",
    "食品经营许可",
    "居住证办理",
    "医疗费用报销",
    "建设工程规划许可",
)
CONSTRUCTION_PROJECTS = (
    "锦华大道快速路改造工程",
    "东湖片区城市更新项目",
    "青龙湿地公园建设项目",
    "锦华区第三人民医院迁建工程",
    "双桥子小学改扩建工程",
    "府河生态廊道建设项目",
    "金马镇污水处理厂提标改造工程",
    "万年场农贸市场改造项目",
)
CONSTRUCTION_STAGES = ("可行性研究报告批复", "初步设计批复", "施工许可信息", "竣工验收信息")
STATISTICS = ("规模以上工业增加值", "社会消费品零售总额", "固定资产投资", "城乡居民收入")
RURAL_ITEMS = (
    ("耕地地力保护补贴发放情况公示", "A20-11-06"),
    ("农村危房改造对象公示", "A20-11-07"),
    ("乡村振兴衔接资金项目公示", "A20-11-01"),
    ("种粮农民一次性补贴发放名册公示", "A20-11-06"),
)
CHANNEL_SETS = (
    ["website"],
    ["website"],
    ["website", "wechat"],
    ["website", "weibo", "wechat"],
    ["website", "notice_board"],
)
REJECTION_NOTES = (
    "正文含有个人身份证号码，请脱敏后重新提交。",
    "发文字号与正式文件不一致，请核对。",
    "请补充政策依据，明确有效期后重新提交。",
    "公开属性应为主动公开，请补充附件。",
)
