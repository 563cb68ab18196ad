"""The wording of the reply letter for each result of the annual report's taxonomy.

Articles are those of the Regulations as revised in 2019 (国务院令第711号): 第十四条 to 第十六条
on what is not disclosed, 第三十六条 on the kinds of reply, 第三十七条 on partial disclosure,
第三十八条 on information that would have to be produced, 第三十条 on supplements, 第三十五条 and
第三十九条 on requests that are not processed, 第四十二条 on the processing fee. The remedies
follow the Administrative Reconsideration Law as revised in 2023 (in force 1 January 2024).
"""

from __future__ import annotations

from dataclasses import dataclass

from sunshine_applications.applications.models import Outcome

REGULATIONS = "《中华人民共和国政府信息公开条例》"
TITLE = "政府信息公开申请答复告知书"


@dataclass(frozen=True)
class Wording:
    """One result's paragraph: what was found, under which articles, and what follows.

    The text may name {supplement_requested_on}, {supplement_due_on}, {fee_notified_on},
    {fee_due_on}, {fee_yuan} and {repeat_of}; the letter fills them from the application.
    {repeat_of} is a whole sentence on the earlier application (`repeat_sentence`).
    """

    finding: str
    articles: str
    decision: str
    # Said only when the handler wrote an explanation, which then names what this announces.
    explained: str = ""


def repeat_sentence(you: str, tracking_number: str | None, replied_on: str | None) -> str:
    """What 不予处理 2 says of the earlier application, as it truly stands: answered on its
    reply date, or still being handled (`REPEAT_STILL_OPEN` then says what follows), or, when
    the application links none, only that the same request was made before."""
    if tracking_number is None:
        return f"{you}此前已向本机关提出相同的政府信息公开申请，"
    if replied_on is not None:
        return (
            f"本机关已于{replied_on}就{you}提出的政府信息公开申请"
            f"（申请编号：{tracking_number}）作出答复，"
        )
    return (
        f"{you}此前提出的政府信息公开申请（申请编号：{tracking_number}）"
        "本机关正在办理，尚未作出答复，"
    )


# 第三十六条第（六）项 reads "行政机关已就申请人提出的政府信息公开申请作出答复、申请人重复申请
# 公开相同政府信息的，告知申请人不予重复处理": it presupposes a reply. While the earlier
# application is still open there is none, and citing the article would say there was. What the
# office tells instead is the truth of the matter: the same request is being handled under the
# earlier number and is answered there, within that application's own time limit (第三十三条),
# so this one gets no second, separate procedure; the earlier reply (with its remedies) answers
# both. The annual report still counts it as 不予处理 (重复申请), the row for this request.
REPEAT_STILL_OPEN = Wording(
    finding="{repeat_of}{you}本次申请公开的是相同的政府信息。",
    articles="",
    decision="本机关将在该申请的答复期限内依法一并作出答复，对本次申请不再另行处理。",
)


DISCLOSED = Wording(
    finding="经审查，{you}申请公开的政府信息属于可以公开的政府信息。",
    articles="第三十六条第（二）项",
    decision="本机关予以公开。",
)
ALREADY_PUBLISHED = Wording(
    finding="经审查，{you}申请公开的政府信息已主动公开。",
    articles="第三十六条第（一）项",
    decision="现告知{you}获取该政府信息的方式和途径：该信息已主动公开，"
    "可在本机关政府信息公开目录查阅（目录信息编号：{items}）。",
)
PARTLY_DISCLOSED = Wording(
    finding="经审查，{you}申请公开的政府信息中含有不应当公开的内容，但是能够作区分处理。",
    articles="第三十六条第（二）项、第（三）项和第三十七条",
    decision="本机关向{you}提供可以公开的政府信息内容，对不予公开的内容说明理由如下。",
)

_NOT_DISCLOSED = "本机关决定不予公开。"
# The result's sub-items are 1-based, in the order of OUTCOME_REASONS.
REASONED: dict[Outcome, tuple[Wording, ...]] = {
    Outcome.NOT_DISCLOSED: (
        Wording(
            finding="经审查，{you}申请公开的政府信息属于依法确定为国家秘密的政府信息。",
            articles="第十四条和第三十六条第（三）项",
            decision=_NOT_DISCLOSED,
        ),
        Wording(
            finding="经审查，{you}申请公开的政府信息属于法律、行政法规禁止公开的政府信息。",
            articles="第十四条和第三十六条第（三）项",
            decision=_NOT_DISCLOSED,
        ),
        Wording(
            finding="经审查，{you}申请公开的政府信息公开后可能危及国家安全、公共安全、"
            "经济安全、社会稳定。",
            articles="第十四条和第三十六条第（三）项",
            decision=_NOT_DISCLOSED,
        ),
        Wording(
            finding="经审查，{you}申请公开的政府信息涉及商业秘密、个人隐私等内容，"
            "公开会对第三方合法权益造成损害。",
            articles="第十五条和第三十六条第（三）项",
            decision=_NOT_DISCLOSED,
        ),
        Wording(
            finding="经审查，{you}申请公开的政府信息属于本机关人事管理、后勤管理、"
            "内部工作流程等方面的内部事务信息。",
            articles="第十六条第一款和第三十六条第（三）项",
            decision=_NOT_DISCLOSED,
        ),
        Wording(
            finding="经审查，{you}申请公开的政府信息属于本机关在履行行政管理职能过程中形成的"
            "讨论记录、过程稿、磋商信函、请示报告等过程性信息。",
            articles="第十六条第二款和第三十六条第（三）项",
            decision=_NOT_DISCLOSED,
        ),
        Wording(
            finding="经审查，{you}申请公开的政府信息属于行政执法案卷信息。",
            articles="第十六条第二款和第三十六条第（三）项",
            decision=_NOT_DISCLOSED,
        ),
        Wording(
            finding="经审查，{you}申请公开的信息属于工商、不动产登记资料等行政查询事项，"
            "有关法律、行政法规对信息的获取有特别规定。",
            articles="第三十六条第（七）项",
            decision="请{you}依照有关法律、行政法规的规定办理。",
        ),
    ),
    Outcome.UNAVAILABLE: (
        Wording(
            # The report's row is "本机关不掌握相关政府信息"; the letter says it as Art. 36(4) does.
            finding="经检索，本机关未制作、获取{you}所申请的政府信息，该政府信息不存在。",
            articles="第三十六条第（四）项",
            decision="现予告知。",
            explained="如该政府信息由其他行政机关负责公开，根据"
            + REGULATIONS
            + "第三十六条第（五）项的规定，本机关能够确定的负责公开机关及其联系方式见以下说明。",
        ),
        Wording(
            finding="经审查，本机关没有{you}所申请的现成信息，提供该信息需要对现有政府信息"
            "进行加工、分析。",
            articles="第三十八条",
            decision="本机关不予提供。",
        ),
        Wording(
            finding="本机关已告知{you}对申请作出补正，{you}补正后的申请内容仍不明确，"
            "本机关无法确定{you}所需要的政府信息。",
            articles="第二十九条和第三十条",
            decision="本机关无法向{you}提供。{you}可以写明所需政府信息的名称、文号或者便于"
            "查询的其他特征性描述后重新提出申请。",
        ),
    ),
    Outcome.NOT_PROCESSED: (
        Wording(
            finding="经审查，{you}以政府信息公开申请的形式提出的事项属于信访、投诉、举报等活动。",
            articles="第三十九条第一款",
            decision="本机关不作为政府信息公开申请处理，{you}可以通过信访、投诉、举报等相应渠道提出。",
        ),
        Wording(
            finding="{repeat_of}{you}本次申请公开的是相同的政府信息。",
            articles="第三十六条第（六）项",
            decision="本机关不予重复处理。",
        ),
        Wording(
            finding="经审查，{you}申请的内容为要求本机关提供政府公报、报刊、书籍等公开出版物。",
            articles="第三十九条第二款",
            decision="本机关不作为政府信息公开申请处理，{you}可以通过公开发行渠道或者公共图书馆、"
            "档案馆等途径获取。",
        ),
        Wording(
            finding="经审查，{you}申请公开政府信息的数量、频次明显超过合理范围，且申请理由不合理。",
            articles="第三十五条",
            decision="本机关不予处理。",
        ),
        Wording(
            finding="经审查，{you}的申请是要求本机关对{you}已获取的信息予以确认或者重新出具，"
            "不属于提供本机关已制作或者获取的政府信息。",
            articles="第二条和第三十八条",
            decision="本机关不作为政府信息公开申请处理。",
        ),
    ),
    Outcome.OTHER: (
        Wording(
            finding="本机关已于{supplement_requested_on}告知{you}对申请作出补正，补正期限为"
            "{supplement_due_on}，{you}无正当理由逾期未补正。",
            articles="第三十条",
            decision="视为{you}放弃申请，本机关不再处理该政府信息公开申请。",
        ),
        Wording(
            finding="本机关已于{fee_notified_on}向{you}发出收费通知，请{you}在{fee_due_on}前缴纳"
            "信息处理费{fee_yuan}元，{you}逾期未缴纳。",
            articles="第四十二条和《政府信息公开信息处理费管理办法》",
            decision="视为{you}放弃申请，本机关不再处理该政府信息公开申请。",
        ),
        Wording(
            finding="经审查，本机关对{you}的申请处理如下。",
            articles="",
            decision="",
        ),
    ),
}

HOW_PROVIDED = {
    "electronic": "以电子文档形式提供，随本告知书一并送达{email}",
    "paper": "以纸质文本形式提供，随本告知书一并送达",
    "post": "以纸质文本形式提供，随本告知书一并邮寄至{you}提供的通信地址{address}",
}
EXPLANATION = "具体说明：{text}"
LEGAL_BASIS = "法律依据：{text}"
CLOSING = "特此告知。"

# Remedies. 行政复议法 (2023) 第二十三条第一款第（四）项 puts reconsideration first when an
# office does not disclose, and its second paragraph obliges the office to say so; 第二十条
# gives 60 days. A lawsuit then lies against the reconsideration decision, within 15 days of
# receiving it (行政诉讼法 第四十五条). Every other reply may be taken to reconsideration or
# straight to court within 6 months (行政诉讼法 第四十六条). All of 不予公开 takes the first
# path, 行政查询事项 (item 8) included: advising reconsideration first costs the applicant no
# remedy, while a lawsuit filed directly where reconsideration was required is dismissed.
_EITHER = (
    "可以在收到本告知书之日起60日内向{body}申请行政复议，或者在6个月内依法向人民法院提起行政诉讼。"
)
_RECONSIDERATION_FIRST = (
    "根据《中华人民共和国行政复议法》第二十三条的规定，应当自收到本告知书之日起60日内"
    "先向{body}申请行政复议；对行政复议决定不服的，可以自收到行政复议决定书之日起15日内"
    "依法向人民法院提起行政诉讼。"
)
REMEDIES = "如对本答复不服，" + _EITHER
REMEDIES_NOT_DISCLOSED = "如对本答复不服，" + _RECONSIDERATION_FIRST
# 部分公开 states both paths rather than reconsideration first for the whole: the disclosed
# part (its form, its completeness) is no refusal, and the applicant keeps the direct lawsuit
# against it that the law gives.
REMEDIES_PARTLY_DISCLOSED = (
    "如对本答复中不予公开的内容不服，"
    + _RECONSIDERATION_FIRST
    + "对本答复的其他内容不服的，"
    + _EITHER
)
