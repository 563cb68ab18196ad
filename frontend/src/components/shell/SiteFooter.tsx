import { Link } from "react-router-dom";
import type { components } from "../../api/schema";

type Unit = components["schemas"]["UnitOut"];

function Line({ parts }: { parts: (string | null | false | undefined)[] }) {
  const shown = parts.filter(Boolean);
  if (!shown.length) return null;
  return (
    <p>
      {shown.map((part) => (
        <span key={part as string} className="site-footer-part">
          {part}
        </span>
      ))}
    </p>
  );
}

/**
 * What a government site says at its foot: who runs it (the root unit, 主办单位), how to reach its
 * disclosure office, and the basis of the disclosure. Only what the platform knows: registration
 * numbers (ICP备案号, 网站标识码, 公安备案号) are the installation's and are not made up here.
 */
export function SiteFooter({ root }: { root: Unit | undefined }) {
  return (
    <footer className="site-footer">
      <nav aria-label="页脚导航" className="site-footer-links">
        <Link to="/guide">政府信息公开指南</Link>
        <Link to="/apply">依申请公开</Link>
        <Link to="/track">申请查询</Link>
        <Link to="/annual-reports">政府信息公开工作年度报告</Link>
        <Link to="/hall/guide">办事指南</Link>
      </nav>
      {root && (
        <>
          <Line parts={[`主办单位：${root.name}`, `统一社会信用代码：${root.credit_code}`]} />
          <Line
            parts={[
              root.office_address && `地址：${root.office_address}`,
              root.postal_code && `邮编：${root.postal_code}`,
              root.office_phone && `电话：${root.office_phone}`,
              root.office_hours && `办公时间：${root.office_hours}`,
              root.office_email && `电子邮箱：${root.office_email}`,
            ]}
          />
        </>
      )}
      <p>依据《中华人民共和国政府信息公开条例》公开政府信息</p>
    </footer>
  );
}
