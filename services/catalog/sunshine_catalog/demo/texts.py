"""What the demo catalogue's items say: titles, document number prefixes, bodies, columns.

The generator decides when items come out, what numbers and dates they get and how far through
the workflow they are; this module only writes them, drawing on the generator's random stream
(so a seed gives the same catalogue). It is one module of some 700 lines on purpose: it is a
list of about thirty kinds of item (通知, 规范性文件, 行政许可, 低保公示, 预警…), one method each,
all built alike from `data`; read as one list, a new kind is written by copying its neighbour.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from sunshine_catalog.demo import data
from sunshine_catalog.items.models import DocumentType

FALLBACK_COLUMN = "A20-15"  # 其他


@dataclass(frozen=True)
class DemoUnit:
    id: int
    name: str
    type: str
    credit_code: str


@dataclass
class Spec:
    """What an item says, before the workflow gives it numbers and dates."""

    title: str
    column: str
    paragraphs: list[str]
    topic: str
    keywords: str
    prefix: str = ""  # 机关代字 of its document number; empty: no document number
    document_type: DocumentType = DocumentType.OTHER
    also: tuple[str, ...] = ()
    policy_name: str = ""  # the document a policy's interpretation names


def profile_for(unit: DemoUnit) -> data.Profile:
    if unit.type == "government":
        return data.GOVERNMENT
    known = data.DEPARTMENTS.get(unit.name)
    if known is not None:
        return known
    short = unit.name.removeprefix("锦华区")[:2]
    if unit.type == "street":
        return data.Profile(f"{short}街办发", "综合政务", FALLBACK_COLUMN, data.STREET_SUBJECTS)
    if unit.type == "township":
        return data.Profile(f"{short}府发", "综合政务", FALLBACK_COLUMN, data.STREET_SUBJECTS)
    if unit.type in ("community", "village"):
        return data.Profile("", "综合政务", FALLBACK_COLUMN, data.COMMUNITY_SUBJECTS)
    return data.Profile(f"锦{short}发", "综合政务", FALLBACK_COLUMN, data.STREET_SUBJECTS)


def cn_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


class ItemTexts:
    """Writes items' texts with the random stream it is given."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def periodic(self, kind: str, unit: DemoUnit, day: date) -> Spec:
        """What a unit publishes every year: guide, functions, annual report, budget, accounts."""
        rng = self.rng
        profile = profile_for(unit)
        name, year = unit.name, day.year
        if kind == "guide":
            return Spec(
                f"{name}政府信息公开指南",
                "X-GUIDE",
                [
                    f"为了更好地提供政府信息公开服务，根据《中华人民共和国政府信息公开条例》，"
                    f"编制《{name}政府信息公开指南》。",
                    "一、主动公开。公开的主要内容、公开形式和公开时限见本单位政府信息公开目录，"
                    "属于主动公开范围的政府信息，自该信息形成或者变更之日起20个工作日内予以公开。",
                    "二、依申请公开。申请人可通过网上申请、信函申请或当面申请等方式提出，"
                    "我们将在收到申请之日起20个工作日内予以答复。",
                    f"三、受理机构。{name}，办公时间：工作日上午9:00—12:00，下午13:30—17:30。",
                ],
                "综合政务",
                "公开指南 依申请公开",
            )
        if kind == "functions":
            return Spec(
                f"{name}机关职能",
                "A20-02-01",
                [
                    f"{name}贯彻落实党中央关于{profile.topic}工作的方针政策和决策部署，"
                    f"在履行职责过程中坚持和加强党对{profile.topic}工作的集中统一领导。",
                    f"主要职责：负责本辖区{profile.topic}工作的统筹规划和组织实施；"
                    "拟订相关政策措施并监督实施；完成区委、区政府交办的其他任务。",
                ],
                profile.topic,
                "机关职能 机构设置",
            )
        if kind == "annual_report":
            published = rng.randint(300, 3000)
            requests = rng.randint(0, 40)
            return Spec(
                f"{name}{year - 1}年政府信息公开工作年度报告",
                "X-ANNUAL-REPORT",
                [
                    "本报告根据《中华人民共和国政府信息公开条例》和《中华人民共和国政府信息"
                    "公开工作年度报告格式》要求编制，包括总体情况、主动公开政府信息情况、"
                    "收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、"
                    "存在的主要问题及改进情况、其他需要报告的事项。",
                    f"{year - 1}年，{name}主动公开政府信息{published}条，其中规范性文件"
                    f"{rng.randint(0, 12)}件；收到政府信息公开申请{requests}件，均在法定期限内"
                    "答复，未发生因政府信息公开引起的行政复议和行政诉讼。",
                    "存在的主要问题：政策解读形式还不够丰富，基层公开标准化规范化水平有待提升。"
                    "下一步，我们将加强培训，完善公开目录，提升公开质量。",
                ],
                "综合政务",
                "年度报告 政府信息公开",
            )
        if kind == "budget":
            amount = rng.randint(800, 60000)
            three = rng.randint(10, 180)
            return Spec(
                f"{name}{year}年部门预算",
                "A20-07-01",
                [
                    f"一、部门基本情况。{name}{year}年部门预算由本级预算和所属单位预算组成。",
                    f"二、收支预算总体情况。{year}年收入预算{amount}万元，支出预算{amount}万元，"
                    f"其中基本支出{amount * 3 // 10}万元，"
                    f"项目支出{amount - amount * 3 // 10}万元。",
                    f"三、“三公”经费预算情况。{year}年“三公”经费预算{three}万元，"
                    "其中公务接待费、公务用车运行维护费均较上年有所下降，未安排因公出国（境）费用。",
                ],
                "财政",
                "部门预算 三公经费",
                also=("A20-07-03",),
            )
        amount = rng.randint(800, 60000)
        return Spec(
            f"{name}{year - 1}年部门决算",
            "A20-07-02",
            [
                f"{year - 1}年度，{name}收入合计{amount}万元，支出合计{amount - rng.randint(0, 50)}"
                "万元，年末结转和结余主要为跨年度实施的项目资金。",
                "“三公”经费支出严格控制在预算以内，较上年决算数减少，"
                "主要是厉行节约、压减公务接待和公务用车运行支出。",
            ],
            "财政",
            "部门决算 三公经费",
            also=("A20-07-03",),
        )

    def ordinary(self, kind: str, unit: DemoUnit, day: date) -> Spec:
        """An item of one of the everyday kinds (data.BASE_KINDS and the departments' kinds)."""
        builder = getattr(self, f"_kind_{kind}", None) or self._kind_notice
        spec: Spec = builder(unit, profile_for(unit), day)
        return spec

    def interpretation(self, unit: DemoUnit, policy: Spec) -> Spec:
        """The 政策解读 of a policy document."""
        form = self.rng.choice(data.INTERPRETATION_FORMS)
        name = policy.policy_name
        return Spec(
            title=form.format(t=name),
            column="X-POLICY-INTERP",
            topic=policy.topic,
            keywords=f"政策解读 {policy.topic}",
            paragraphs=[
                f"一、制定背景。为进一步规范和加强相关工作，{unit.name}在深入调研、广泛征求"
                f"意见的基础上，起草了《{name}》，经审议通过后印发实施。",
                f"二、主要内容。《{name}》共{self.rng.randint(12, 36)}条，明确了适用范围、"
                "职责分工、工作程序、监督管理和责任追究等内容。",
                "三、主要特点。一是坚持问题导向，回应群众和企业关切；二是细化办理流程，"
                "压缩办理时限；三是强化部门协同，明确牵头单位和配合单位。",
                f"四、解读机关及联系方式。解读机关：{unit.name}；"
                f"联系电话：028-8{self.rng.randint(1000000, 9999999)}。",
            ],
        )

    @staticmethod
    def revision(old: Spec) -> Spec:
        """The revised version of a policy document, which repeals the old one."""
        name = old.policy_name.removesuffix("》") + "（修订）"
        return Spec(
            title=old.title.replace(old.policy_name, name),
            column=old.column,
            topic=old.topic,
            keywords=old.keywords + " 修订",
            prefix=old.prefix,
            document_type=old.document_type,
            paragraphs=[
                *old.paragraphs[:-1],
                f"本办法自印发之日起施行，原《{old.policy_name}》同时废止。",
            ],
            policy_name=name,
        )

    def _contact(self) -> str:
        name = self.rng.choice(data.SURNAMES) + self.rng.choice(data.GIVEN)
        return f"联系人：{name}，联系电话：028-8{self.rng.randint(1000000, 9999999)}。"

    def _person(self) -> str:
        rng = self.rng
        return rng.choice(data.SURNAMES) + "".join(rng.choices(data.GIVEN, k=rng.randint(1, 2)))

    def _company(self) -> tuple[str, str, str]:
        trade, licence, law = self.rng.choice(data.COMPANY_TRADES)
        return f"{data.CITY[:2]}{self.rng.choice(data.COMPANY_PREFIXES)}{trade}", licence, law

    def _addressees(self, unit: DemoUnit) -> str:
        if unit.type in ("street", "township"):
            return "各社区（村）、机关各科室"
        if unit.name == "锦华区教育局":
            return "各中小学校、幼儿园，局机关各科室"
        return "各街道办事处、乡镇人民政府，区级有关部门"

    def _kind_notice(self, unit: DemoUnit, profile: data.Profile, day: date) -> Spec:
        rng, year = self.rng, day.year
        subject = rng.choice(profile.subjects)
        title = rng.choice(
            [
                f"{unit.name}关于做好{year}年{subject}工作的通知",
                f"{unit.name}关于开展{subject}专项行动的通知",
                f"{unit.name}关于印发《{year}年{subject}工作方案》的通知",
                f"{unit.name}关于进一步加强{subject}工作的通知",
                f"{unit.name}关于{subject}有关事项的通知",
            ]
        )
        deadline = day + timedelta(rng.randint(10, 60))
        return Spec(
            title,
            profile.column,
            [
                f"{self._addressees(unit)}：",
                f"为深入贯彻落实上级关于{subject}工作的部署要求，切实做好{year}年{subject}"
                "工作，经研究，现就有关事项通知如下。",
                f"一、提高思想认识。各单位要充分认识{subject}工作的重要意义，"
                "主要负责同志亲自部署、亲自过问，确保各项任务落到实处。",
                f"二、明确工作任务。{cn_date(deadline)}前完成摸底排查，建立工作台账，"
                "逐项明确责任人和完成时限。",
                "三、强化督促检查。将适时开展督导检查，对工作推进不力的单位予以通报。",
                self._contact(),
            ],
            profile.topic,
            f"{subject} 通知",
            prefix=profile.abbreviation if rng.random() < 0.7 else "",
            also=("X-NOTICES",),
        )

    def _kind_normative(self, unit: DemoUnit, profile: data.Profile, day: date) -> Spec:
        rng = self.rng
        subject = rng.choice(profile.subjects)
        form = rng.choice(data.POLICY_FORMS)
        name = f"锦华区{subject}{form}"
        meeting = (
            f"区政府第{rng.randint(10, 120)}次常务会议"
            if unit.type == "government" or unit.name.endswith("政府办公室")
            else "局务会议"
        )
        years = 1 if "暂行" in form else rng.choice([3, 5])
        return Spec(
            f"{unit.name}关于印发《{name}》的通知",
            "A20-01-02",
            [
                "各街道办事处、乡镇人民政府，区政府各部门：",
                f"《{name}》已经{meeting}审议通过，现印发给你们，请认真贯彻执行。",
                f"第一条 为规范{subject}工作，根据有关法律法规和{data.CITY}有关规定，"
                "结合本区实际，制定本办法。",
                f"第二条 本办法适用于本区行政区域内{subject}相关工作。",
                f"第三条 {unit.name}负责本办法的组织实施，各街道（乡镇）和区级有关部门按照职责"
                "分工做好相关工作。",
                f"本办法自印发之日起施行，有效期{years}年。",
            ],
            profile.topic,
            f"规范性文件 {subject}",
            prefix=profile.abbreviation,
            document_type=DocumentType.NORMATIVE,
            policy_name=name,
        )

    def _kind_regulation(self, unit: DemoUnit, profile: data.Profile, day: date) -> Spec:
        subject = self.rng.choice(profile.subjects)
        name = f"锦华区{subject}管理规定"
        return Spec(
            name,
            "A20-01-01",
            [
                f"第一条 为加强{subject}管理，根据有关法律、法规，结合本区实际，制定本规定。",
                f"第二条 本区行政区域内的{subject}及其监督管理，适用本规定。",
                "第三条 区人民政府统一领导本区相关工作，建立健全协调机制。",
                "本规定自公布之日起施行。",
            ],
            profile.topic,
            f"规章 {subject}",
            prefix="锦府令",
            document_type=DocumentType.REGULATION,
            policy_name=name,
        )

    def _kind_plan(self, unit: DemoUnit, profile: data.Profile, day: date) -> Spec:
        rng, year = self.rng, day.year
        subject = rng.choice(profile.subjects)
        title, column = rng.choice(
            [
                (f"{unit.name}{year}年工作要点", "A20-03-02"),
                (f"{unit.name}{year}年{subject}工作计划", "A20-03-02"),
                (f"{unit.name}{year}年{subject}工作总结", "A20-03-02"),
                (
                    f"锦华区“十五五”{profile.topic}专项规划"
                    if year >= 2025
                    else f"锦华区“十四五”{profile.topic}专项规划中期评估报告",
                    "A20-03-01",
                ),
            ]
        )
        return Spec(
            title,
            column,
            [
                f"{year}年，{unit.name}将坚持稳中求进工作总基调，"
                f"围绕{subject}等重点任务，推动各项工作提质增效。",
                f"一、主要目标。{subject}工作取得新进展，群众满意度持续提升。",
                f"二、重点任务。（一）抓好{subject}；（二）深化改革创新；（三）加强队伍建设。",
                "三、保障措施。加强组织领导，强化督查考核，确保各项任务按时完成。",
            ],
            profile.topic,
            f"工作计划 {subject}",
            prefix=profile.abbreviation if rng.random() < 0.5 else "",
        )

    def _kind_procurement(self, unit: DemoUnit, profile: data.Profile, day: date) -> Spec:
        rng = self.rng
        project = rng.choice(data.PROCUREMENT_PROJECTS)
        stage = rng.choice(data.PROCUREMENT_STAGES)
        budget = rng.randint(5, 900)
        company, _, _ = self._company()
        outcome = (
            f"五、中标（成交）供应商：{company}，中标（成交）金额：{budget * 0.93:.2f}万元。"
            if "结果" in stage or "合同" in stage
            else f"五、获取采购文件时间：{cn_date(day + timedelta(3))}"
            f"至{cn_date(day + timedelta(10))}。"
        )
        return Spec(
            f"{unit.name}{project}项目{stage}",
            "A20-09-02",
            [
                f"一、项目编号：JH{day.year}-CG-{rng.randint(1, 9999):04d}。",
                f"二、项目名称：{project}项目。",
                f"三、预算金额：{budget}万元。",
                f"四、采购方式：{rng.choice(['公开招标', '竞争性磋商', '询价', '单一来源'])}。",
                outcome,
                self._contact(),
            ],
            "政府采购",
            f"政府采购 {project}",
        )

    def _kind_licence(self, unit: DemoUnit, profile: data.Profile, day: date) -> Spec:
        company, licence, law = self._company()
        prefix = profile.abbreviation.removesuffix("发") + "许"
        return Spec(
            f"{company}{licence}行政许可决定公示",
            "X-DOUBLE-PUBLICITY-01",
            [
                f"行政许可决定书文号：{{no}}。许可类别：普通。许可事项：{licence}。",
                f"行政相对人：{company}，统一社会信用代码：91510199MA6"
                f"{self.rng.randint(10000000, 99999999)}。",
                f"许可依据：{law}。许可决定日期：{cn_date(day)}，"
                f"有效期至{day.year + 5}年{day.month}月{day.day - 1 or 1}日。"
                f"许可机关：{unit.name}。",
            ],
            profile.topic,
            f"双公示 行政许可 {licence}",
            prefix=prefix,
            also=("A20-05-03",),
        )

    def _kind_penalty(self, unit: DemoUnit, profile: data.Profile, day: date) -> Spec:
        rng = self.rng
        company, _, law = self._company()
        violation = rng.choice(data.VIOLATIONS)
        fine = rng.choice([500, 1000, 2000, 3000, 5000, 10000, 20000, 50000])
        prefix = profile.abbreviation.removesuffix("发") + "罚"
        return Spec(
            "行政处罚决定书（{no}）",
            "X-DOUBLE-PUBLICITY-02",
            [
                f"当事人：{company}，"
                f"统一社会信用代码：91510199MA6{rng.randint(10000000, 99999999)}。",
                f"经查，当事人存在{violation}的违法行为，违反了{law}的规定。",
                f"依据{law}的相关规定，本机关决定对当事人作出如下行政处罚：1.警告；"
                f"2.罚款人民币{fine}元。",
                "当事人如不服本处罚决定，可在收到本决定书之日起六十日内依法申请行政复议，"
                "或者在六个月内依法向人民法院提起行政诉讼。",
            ],
            profile.topic,
            f"双公示 行政处罚 {violation}",
            prefix=prefix,
            also=("A20-06-01",),
        )

    def _kind_dibao(self, unit: DemoUnit, profile: data.Profile, day: date) -> Spec:
        rng = self.rng
        month = day.month
        households = rng.randint(20, 400)
        people = households + rng.randint(households // 3, households)
        kind = rng.choice(["城乡居民最低生活保障对象", "特困人员救助供养对象", "临时救助对象"])
        scope = "锦华区" if unit.type == "department" else unit.name
        return Spec(
            f"{scope}{day.year}年{month}月{kind}名单公示",
            "A20-11-04",
            [
                f"根据《{data.CITY}城乡居民最低生活保障办法》，经本人申请、入户调查、民主评议，"
                f"{scope}{day.year}年{month}月共有{kind}{households}户{people}人，"
                f"发放救助金{people * rng.randint(500, 760)}元。",
                "现将名单予以公示（姓名、身份证号码已作脱敏处理），公示期7天。"
                f"如有异议，请于公示期内向{unit.name}反映。",
                f"监督电话：028-8{rng.randint(1000000, 9999999)}。",
            ],
            "社会保障",
            f"低保 社会救助 {kind}",
        )

    def _kind_emergency_plan(self, unit: DemoUnit, profile: data.Profile, day: date) -> Spec:
        rng = self.rng
        hazard = rng.choice(data.HAZARDS)
        scope = "锦华区" if unit.type in ("government", "department") else unit.name
        return Spec(
            f"{scope}{hazard}应急预案（{day.year}年修订）",
            "A20-12-01",
            [
                f"1 总则。1.1 编制目的：为健全{hazard}应急工作机制，提高应对能力，"
                "最大程度减少人员伤亡和财产损失，制定本预案。",
                "1.2 编制依据：《中华人民共和国突发事件应对法》"
                f"《{data.CITY}突发事件总体应急预案》等。",
                f"2 组织体系。成立{scope}{hazard}应急指挥部，指挥长由分管负责同志担任。",
                "3 预警与响应。按照事件严重程度和影响范围，应急响应由高到低分为一级、二级、"
                "三级、四级。",
            ],
            "应急管理",
            f"应急预案 {hazard}",
            prefix=profile.abbreviation if rng.random() < 0.6 else "",
        )

    def _kind_warning(self, unit: DemoUnit, profile: data.Profile, day: date) -> Spec:
        warning = self.rng.choice(data.WARNINGS)
        return Spec(
            f"锦华区{warning}预警信息（{day.month}月{day.day}日）",
            "A20-12-02",
            [
                f"据区气象台预报，{cn_date(day)}夜间至次日白天，我区将出现{warning[:-2]}天气。",
                "请各街道（乡镇）、各部门加强值班值守，做好隐患排查和人员转移避险准备，"
                "广大市民减少外出，注意安全。",
            ],
            "应急管理",
            f"预警 {warning[:-2]}",
        )

    def _kind_safety(self, unit: DemoUnit, profile: data.Profile, day: date) -> Spec:
        rng = self.rng
        checked = rng.randint(20, 300)
        found = rng.randint(5, checked)
        return Spec(
            f"{unit.name}{day.year}年{day.month}月安全生产检查情况通报",
            "A20-13-03",
            [
                f"{day.month}月，共检查生产经营单位{checked}家，发现安全隐患{found}处，"
                f"已整改{found - rng.randint(0, found // 5)}处，其余隐患已限期整改。",
                "下一步，将持续开展燃气、消防、自建房等重点领域安全隐患排查整治。",
            ],
            "安全生产",
            "安全生产 隐患排查",
        )

    def _kind_food(self, unit: DemoUnit, profile: data.Profile, day: date) -> Spec:
        batches = self.rng.randint(50, 400)
        failed = self.rng.randint(0, 6)
        return Spec(
            f"锦华区{day.year}年第{(day.month - 1) // 3 + 1}期食品安全监督抽检信息公告",
            "A20-13-04",
            [
                f"本期共抽检食品{batches}批次，合格{batches - failed}批次，不合格{failed}批次。",
                "对抽检发现的不合格食品，已依法督促生产经营者下架、召回，并立案调查。",
            ],
            "食品药品",
            "食品安全 抽检",
        )

    def _kind_environment(self, unit: DemoUnit, profile: data.Profile, day: date) -> Spec:
        good = self.rng.randint(18, 30)
        return Spec(
            f"锦华区{day.year}年{day.month}月环境空气质量状况",
            "A20-13-01",
            [
                f"{day.month}月，我区环境空气质量优良天数{good}天，"
                f"PM2.5平均浓度{self.rng.randint(18, 70)}微克/立方米，"
                f"同比下降{self.rng.randint(1, 15)}%。",
            ],
            "生态环境",
            "空气质量 环境保护",
        )

    def _kind_health(self, unit: DemoUnit, profile: data.Profile, day: date) -> Spec:
        what = self.rng.choice(["法定传染病疫情概况", "基本公共卫生服务项目进展情况"])
        return Spec(
            f"锦华区{day.year}年{day.month}月{what}",
            "A20-11-03",
            [
                f"{day.year}年{day.month}月，全区{what}总体平稳，"
                f"累计报告{self.rng.randint(10, 400)}例，无重大突发公共卫生事件。",
            ],
            "卫生健康",
            f"卫生健康 {what}",
        )

    def _kind_education(self, unit: DemoUnit, profile: data.Profile, day: date) -> Spec:
        what = self.rng.choice(
            [
                f"{day.year}年义务教育阶段招生入学政策问答",
                f"{day.year}年春季学期学生资助资金发放公示",
                f"{day.year}年民办学校年度检查结果公告",
                f"{day.year}年中小学教师公开招聘拟聘用人员公示",
            ]
        )
        return Spec(
            f"锦华区{what}",
            "A20-11-02",
            [
                f"根据{data.CITY}教育局有关规定，现将锦华区{what}有关情况公布如下。",
                "如有疑问，请在工作日拨打区教育局咨询电话。",
                self._contact(),
            ],
            "教育",
            "教育 招生 资助",
        )

    def _kind_employment(self, unit: DemoUnit, profile: data.Profile, day: date) -> Spec:
        return Spec(
            f"锦华区{day.year}年第{(day.month - 1) // 3 + 1}季度就业创业补贴拟发放名单公示",
            "A20-11-05",
            [
                f"经审核，{self.rng.randint(20, 300)}名人员符合就业创业补贴申领条件，"
                "现予以公示，公示期5个工作日。",
                self._contact(),
            ],
            "就业",
            "就业创业 补贴",
        )

    def _kind_recruitment(self, unit: DemoUnit, profile: data.Profile, day: date) -> Spec:
        what, column = self.rng.choice(
            [("公告", "A20-14-01"), ("考试成绩公告", "A20-14-02"), ("拟聘用人员公示", "A20-14-02")]
        )
        return Spec(
            f"锦华区{day.year}年公开招聘事业单位工作人员{what}",
            column,
            [
                f"根据《事业单位人事管理条例》，锦华区{day.year}年面向社会公开招聘事业单位工作人员"
                f"{self.rng.randint(10, 120)}名，现将有关事项{what[-2:]}如下。",
                self._contact(),
            ],
            "人事",
            "公开招聘 事业单位",
        )

    def _kind_personnel(self, unit: DemoUnit, profile: data.Profile, day: date) -> Spec:
        first, second = self._person(), self._person()
        post = self.rng.choice(["副局长", "办公室主任", "二级主任科员", "副主任"])
        return Spec(
            f"{unit.name}关于{first}等同志职务任免的通知",
            "X-PERSONNEL",
            [
                f"经研究决定：任命{first}为{unit.name}{post}；免去{second}的{unit.name}{post}职务。",
            ],
            "人事",
            "任免 人事",
            prefix=profile.abbreviation.removesuffix("发") + "任",
        )

    def _kind_response(self, unit: DemoUnit, profile: data.Profile, day: date) -> Spec:
        issue = self.rng.choice(data.RESPONSE_ISSUES)
        via = self.rng.choice(["12345热线", "区长信箱", "网络问政平台"])
        return Spec(
            f"关于群众反映{issue}问题的回应",
            "X-RESPONSE",
            [
                f"近期，有群众通过{via}反映{issue}问题。{unit.name}高度重视，立即组织调查核实。",
                "经查，反映情况基本属实。下一步，我们将会同有关部门制定整改方案，"
                "限期解决，并及时向社会公布进展。",
            ],
            profile.topic,
            f"回应关切 {issue}",
        )

    def _kind_charges(self, unit: DemoUnit, profile: data.Profile, day: date) -> Spec:
        return Spec(
            f"{unit.name}行政事业性收费项目目录清单（{day.year}年）",
            "A20-08",
            [
                f"现将{unit.name}{day.year}年行政事业性收费项目目录清单予以公布，清单之外一律不得收费。"
            ],
            "财政",
            "收费清单",
        )

    def _kind_service_guide(self, unit: DemoUnit, profile: data.Profile, day: date) -> Spec:
        matter = self.rng.choice(data.SERVICE_MATTERS)
        return Spec(
            f"{matter}办事指南",
            "A20-05-02",
            [
                f"一、事项名称：{matter}。",
                "二、申请材料：申请表、申请人身份证明及相关证明材料。",
                f"三、办理时限：承诺{self.rng.randint(1, 10)}个工作日。",
                f"四、办理地点：锦华区政务服务中心{self.rng.randint(1, 60)}号窗口。",
                "五、收费标准：不收费。",
            ],
            "政务服务",
            f"办事指南 {matter}",
            also=("A20-05-01",),
        )

    def _kind_construction(self, unit: DemoUnit, profile: data.Profile, day: date) -> Spec:
        project = self.rng.choice(data.CONSTRUCTION_PROJECTS)
        stage = self.rng.choice(data.CONSTRUCTION_STAGES)
        column = "A20-10-01" if "批复" in stage else "A20-10-05"
        return Spec(
            f"{project}{stage}",
            column,
            [
                f"项目名称：{project}。建设单位：锦华区城市建设投资有限公司。",
                f"总投资：{self.rng.randint(2000, 90000)}万元。{stage}已于{cn_date(day)}办结。",
            ],
            "城乡建设",
            f"重大建设项目 {stage}",
            prefix=profile.abbreviation if "批复" in stage else "",
        )

    def _kind_land(self, unit: DemoUnit, profile: data.Profile, day: date) -> Spec:
        batch = self.rng.randint(1, 20)
        return Spec(
            f"锦华区{day.year}年第{batch}批次城镇建设用地征收土地公告",
            "A20-10-04",
            [
                f"经{data.CITY}人民政府批准，征收锦华区金马镇集体土地{self.rng.randint(5, 300)}亩，"
                "用于城镇建设。被征收土地的所有权人、使用权人应在公告规定期限内办理补偿登记。",
            ],
            "自然资源",
            "征收土地 公告",
        )

    def _kind_statistics(self, unit: DemoUnit, profile: data.Profile, day: date) -> Spec:
        indicator = self.rng.choice(data.STATISTICS)
        month = day.month - 1 or 12
        return Spec(
            f"锦华区{day.year if day.month > 1 else day.year - 1}年1—{month}月{indicator}情况",
            "A20-04-02",
            [
                f"1—{month}月，全区{indicator}同比增长{self.rng.uniform(-2, 9):.1f}%，"
                "增速较上月有所回升。",
            ],
            "统计",
            f"统计数据 {indicator}",
        )

    def _kind_audit(self, unit: DemoUnit, profile: data.Profile, day: date) -> Spec:
        return Spec(
            f"关于锦华区{day.year - 1}年度本级预算执行和其他财政收支的审计工作报告",
            "A20-15",
            [
                f"根据审计法规定，区审计局对{day.year - 1}年度区本级预算执行和其他财政收支情况"
                "进行了审计。审计结果表明，预算执行情况总体较好，发现的问题已督促整改。",
            ],
            "审计",
            "审计工作报告 预算执行",
        )

    def _kind_subsidy(self, unit: DemoUnit, profile: data.Profile, day: date) -> Spec:
        subject = self.rng.choice(profile.subjects)
        return Spec(
            f"{day.year}年锦华区{subject}专项资金拟支持项目公示",
            profile.column,
            [
                f"经企业申报、专家评审，拟对{self.rng.randint(5, 80)}个项目"
                f"给予{subject}专项资金支持，"
                "现予以公示，公示期7天。",
                self._contact(),
            ],
            profile.topic,
            f"专项资金 {subject}",
        )

    def _kind_rural(self, unit: DemoUnit, profile: data.Profile, day: date) -> Spec:
        what, column = self.rng.choice(data.RURAL_ITEMS)
        scope = "锦华区" if unit.type == "department" else unit.name
        return Spec(
            f"{scope}{day.year}年{what}",
            column,
            [
                f"根据{data.CITY}有关政策，经农户申报、村组核实、乡镇审核，现将{scope}{day.year}年"
                f"{what.removesuffix('公示')}予以公示，涉及农户{self.rng.randint(10, 900)}户。",
                "公示期7天，如有异议请向乡镇人民政府反映。",
            ],
            "农业农村",
            "涉农补贴 乡村振兴",
        )

    def _kind_community(self, unit: DemoUnit, profile: data.Profile, day: date) -> Spec:
        subject = self.rng.choice(profile.subjects)
        return Spec(
            f"{unit.name}{day.year}年{day.month}月{subject}",
            FALLBACK_COLUMN,
            [
                f"一、本月居委会收入{self.rng.randint(1, 30)}万元，"
                f"支出{self.rng.randint(1, 30)}万元。",
                f"二、居民议事会议定事项：{subject}。三、下月工作安排：开展文明小区创建。",
            ],
            "居务公开",
            f"居务公开 {subject}",
        )

    def _kind_village(self, unit: DemoUnit, profile: data.Profile, day: date) -> Spec:
        quarter = (day.month - 1) // 3 + 1
        return Spec(
            f"{unit.name}{day.year}年第{quarter}季度村务公开",
            FALLBACK_COLUMN,
            [
                f"一、财务收支：本季度村集体收入{self.rng.randint(1, 50)}万元，"
                f"支出{self.rng.randint(1, 50)}万元。",
                "二、村级集体经济收益分配方案已经村民代表大会讨论通过。",
            ],
            "村务公开",
            "村务公开 集体经济",
        )
