<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <location filename="../../carthane_tcfd/ui/prompts.py" line="36"/>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/prompts.py" line="37"/>
        <source>%1 has unsaved changes. Save them?</source>
        <translation>%1 有未保存的修改。是否保存？</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/prompts.py" line="65"/>
        <source>Cannot do that</source>
        <translation>无法执行</translation>
    </message>
</context>
<context>
    <name>About</name>
    <message>
        <location filename="../../carthane_tcfd/ui/dialogs/about.py" line="33"/>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/dialogs/about.py" line="40"/>
        <source>Bundled components and their licences:</source>
        <translation>随附组件及其许可证：</translation>
    </message>
</context>
<context>
    <name>CellDialog</name>
    <message>
        <location filename="../../carthane_tcfd/ui/dialogs/scenario_dialogs.py" line="227"/>
        <source>CNY, optional</source>
        <translation>人民币元，可选</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/dialogs/scenario_dialogs.py" line="232"/>
        <source>Direction</source>
        <translation>影响方向</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/dialogs/scenario_dialogs.py" line="233"/>
        <source>Level</source>
        <translation>影响等级</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/dialogs/scenario_dialogs.py" line="234"/>
        <source>Low (CNY)</source>
        <translation>下限（元）</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/dialogs/scenario_dialogs.py" line="235"/>
        <source>High (CNY)</source>
        <translation>上限（元）</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/dialogs/scenario_dialogs.py" line="236"/>
        <source>Narrative</source>
        <translation>说明</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <location filename="../../carthane_tcfd/ui/dialogs/signoff_dialogs.py" line="178"/>
        <source>Compare periods</source>
        <translation>比较年度</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/dialogs/signoff_dialogs.py" line="189"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/dialogs/signoff_dialogs.py" line="191"/>
        <source>to</source>
        <translation>到</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../carthane_tcfd/ui/dialogs/conflict_dialog.py" line="58"/>
        <source>Changed by someone else</source>
        <translation>已被他人修改</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/dialogs/conflict_dialog.py" line="66"/>
        <source>What differs (yours → theirs):</source>
        <translation>差异（您的 → 对方的）：</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/dialogs/conflict_dialog.py" line="73"/>
        <source>Your edits stay in the form until you choose to reload.</source>
        <translation>在您选择重新载入之前，您的修改将保留在表单中。</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/dialogs/conflict_dialog.py" line="75"/>
        <source>Reload their version</source>
        <translation>载入对方版本</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/dialogs/conflict_dialog.py" line="76"/>
        <source>Copy my text</source>
        <translation>复制我的内容</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/dialogs/conflict_dialog.py" line="77"/>
        <source>Keep my edits</source>
        <translation>保留我的修改</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/dialogs/conflict_dialog.py" line="88"/>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../carthane_tcfd/ui/pages/dashboard_page.py" line="20"/>
        <source>Export as PNG…</source>
        <translation>导出为 PNG…</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/pages/dashboard_page.py" line="49"/>
        <source>Export dashboard</source>
        <translation>导出仪表板</translation>
    </message>
</context>
<context>
    <name>DatabaseActions</name>
    <message>
        <location filename="../../carthane_tcfd/ui/window/database_actions.py" line="44"/>
        <source>%1

Rebuild it now? The unfinished file is kept under another name.</source>
        <translation>%1

现在重建吗？未完成的文件会改名保留。</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/window/database_actions.py" line="46"/>
        <source>Unfinished register</source>
        <translation>未完成的登记册</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/window/database_actions.py" line="62"/>
        <source>Welcome. The 2024 register from the ESG report was created in %1.</source>
        <translation>欢迎使用。已根据 ESG 报告在 %1 创建 2024 年度登记册。</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/window/database_actions.py" line="64"/>
        <source>A new empty database was created in %1.</source>
        <translation>已在 %1 创建新的空数据库。</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/window/database_actions.py" line="68"/>
        <source>The database was upgraded; a backup of the old one is at %1.</source>
        <translation>数据库已升级；旧数据库的备份位于 %1。</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/window/database_actions.py" line="76"/>
        <source>Password for %1 (kept for this session only where the system has no keyring):</source>
        <translation>%1 的密码（系统没有密钥环时仅在本次会话中保留）：</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/window/database_actions.py" line="77"/>
        <source>Database password</source>
        <translation>数据库密码</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/window/database_actions.py" line="81"/>
        <source>Open database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/window/database_actions.py" line="81"/>
        <source>Register databases (*.sqlite3 *.db);;All files (*)</source>
        <translation>登记册数据库 (*.sqlite3 *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/window/database_actions.py" line="89"/>
        <source>Open shared database</source>
        <translation>打开共享数据库</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/window/database_actions.py" line="90"/>
        <source>Database URL, e.g. postgresql+psycopg://user@server/register</source>
        <translation>数据库地址，例如 postgresql+psycopg://user@server/register</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/window/database_actions.py" line="97"/>
        <location filename="../../carthane_tcfd/ui/window/database_actions.py" line="108"/>
        <source>New database</source>
        <translation>新建数据库</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/window/database_actions.py" line="97"/>
        <source>Register databases (*.sqlite3 *.db)</source>
        <translation>登记册数据库 (*.sqlite3 *.db)</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/window/database_actions.py" line="103"/>
        <source>%1 exists already; choose Open database to use it.</source>
        <translation>%1 已存在；请使用“打开数据库”。</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/window/database_actions.py" line="109"/>
        <source>Start with the 2024 register from the ESG report? Choose No for an empty database.</source>
        <translation>是否载入 ESG 报告中的 2024 年度登记册？选择“否”将创建空数据库。</translation>
    </message>
</context>
<context>
    <name>DateEditor</name>
    <message>
        <location filename="../../carthane_tcfd/ui/widgets/date_editor.py" line="41"/>
        <source>YYYY-MM-DD</source>
        <translation>年-月-日（如 2026-03-31）</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/widgets/date_editor.py" line="43"/>
        <source>Type a date (2026-03-31 or %1), or pick one; leave empty for no date.</source>
        <translation>输入日期（2026-03-31 或 %1），或从日历中选择；留空表示无到期日。</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/widgets/date_editor.py" line="49"/>
        <source>Pick a date</source>
        <translation>选择日期</translation>
    </message>
</context>
<context>
    <name>EffectsEditor</name>
    <message>
        <location filename="../../carthane_tcfd/ui/widgets/effects_editor.py" line="50"/>
        <source>Financial effects</source>
        <translation>财务影响</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/widgets/effects_editor.py" line="61"/>
        <source>The effect in the current reporting period</source>
        <translation>本报告期内的财务影响</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/widgets/effects_editor.py" line="64"/>
        <source>CNY, optional</source>
        <translation>人民币元，可选</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/widgets/effects_editor.py" line="65"/>
        <source>Current effect</source>
        <translation>当期影响</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/widgets/effects_editor.py" line="66"/>
        <source>Current amount (CNY)</source>
        <translation>当期金额（元）</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/widgets/effects_editor.py" line="67"/>
        <source>Anticipated (CNY)</source>
        <translation>预期影响（元）</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/widgets/effects_editor.py" line="69"/>
        <source>Statement lines</source>
        <translation>受影响的报表项目</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/widgets/effects_editor.py" line="71"/>
        <source>Material adjustment risk (IFRS S2 ¶16(b))</source>
        <translation>账面价值重大调整风险（IFRS S2 第16(b)段）</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/widgets/effects_editor.py" line="73"/>
        <source>Significant risk of a material adjustment to carrying amounts next period (IFRS S2 ¶16(b))</source>
        <translation>下一报告期内资产负债账面价值存在重大调整的重大风险（IFRS S2 第16(b)段）</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/widgets/effects_editor.py" line="89"/>
        <source>Why the effect is not quantified, and what is said instead</source>
        <translation>未量化的原因，以及替代提供的定性信息</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/widgets/effects_editor.py" line="90"/>
        <source>From the seed: not quantified in the 2024 ESG report.</source>
        <translation>种子数据：2024 年 ESG 报告未量化该项影响。</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/widgets/effects_editor.py" line="92"/>
        <source>Not quantified because</source>
        <translation>未量化原因</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/widgets/effects_editor.py" line="120"/>
        <source>low</source>
        <translation>下限</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/widgets/effects_editor.py" line="121"/>
        <source>high</source>
        <translation>上限</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/widgets/effects_editor.py" line="122"/>
        <source>basis and assumptions</source>
        <translation>依据与假设</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/widgets/effects_editor.py" line="123"/>
        <source>The basis and assumptions of the low and high figures</source>
        <translation>下限与上限金额的依据与假设</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/widgets/effects_editor.py" line="188"/>
        <source>Not one of the item&apos;s time horizons</source>
        <translation>不属于该条目的时间范围</translation>
    </message>
</context>
<context>
    <name>ExcelActions</name>
    <message>
        <location filename="../../carthane_tcfd/ui/window/excel_actions.py" line="56"/>
        <source>Export template</source>
        <translation>导出填报模板</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/window/excel_actions.py" line="56"/>
        <location filename="../../carthane_tcfd/ui/window/excel_actions.py" line="91"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/window/excel_actions.py" line="75"/>
        <source>Writing the template…</source>
        <translation>正在生成模板…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../carthane_tcfd/ui/window/excel_actions.py" line="80"/>
        <source>Template with %n item(s) written to %1</source>
        <translation>
            <numerusform>已将含 %n 个条目的模板写入 %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/window/excel_actions.py" line="91"/>
        <source>Import from Excel</source>
        <translation>从 Excel 导入</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/window/excel_actions.py" line="107"/>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/window/excel_actions.py" line="111"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/window/excel_actions.py" line="144"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/window/excel_actions.py" line="150"/>
        <source>Imported from %1: %2</source>
        <translation>已从 %1 导入：%2</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/window/excel_actions.py" line="152"/>
        <source>Import finished</source>
        <translation>导入完成</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/window/excel_actions.py" line="172"/>
        <source>The operation failed unexpectedly; details are in %1</source>
        <translation>操作意外失败；详情见 %1</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <location filename="../../carthane_tcfd/ui/window/file_actions.py" line="45"/>
        <source>Export board pack</source>
        <translation>导出董事会材料</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/window/file_actions.py" line="45"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/window/file_actions.py" line="58"/>
        <source>Writing the board pack…</source>
        <translation>正在生成董事会材料…</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/window/file_actions.py" line="62"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/window/file_actions.py" line="66"/>
        <source>Board pack written to %1</source>
        <translation>董事会材料已写入 %1</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/window/file_actions.py" line="69"/>
        <source>Board pack ready</source>
        <translation>董事会材料已生成</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/window/file_actions.py" line="70"/>
        <source>The board pack was written to
%1

Open its folder?</source>
        <translation>董事会材料已写入
%1

是否打开所在文件夹？</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/window/file_actions.py" line="76"/>
        <source>Export cancelled; no file was written.</source>
        <translation>已取消导出，未写入任何文件。</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/window/file_actions.py" line="85"/>
        <source>The export failed unexpectedly; details are in %1</source>
        <translation>导出意外失败；详细信息见 %1</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/window/file_actions.py" line="97"/>
        <source>Export matrix</source>
        <translation>导出矩阵</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/window/file_actions.py" line="97"/>
        <source>PDF (*.pdf);;PNG image (*.png)</source>
        <translation>PDF (*.pdf);;PNG 图片 (*.png)</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/window/file_actions.py" line="112"/>
        <source>Matrix written to %1</source>
        <translation>矩阵已写入 %1</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../carthane_tcfd/ui/widgets/filter_bar.py" line="65"/>
        <source>Search code, title, description, actions… (Ctrl+F)</source>
        <translation>搜索编号、名称、描述、措施…（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/widgets/filter_bar.py" line="71"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/widgets/filter_bar.py" line="72"/>
        <source>Horizon</source>
        <translation>时间范围</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/widgets/filter_bar.py" line="73"/>
        <source>Value chain</source>
        <translation>价值链</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/widgets/filter_bar.py" line="75"/>
        <source>Financial impact</source>
        <translation>财务影响</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/widgets/filter_bar.py" line="77"/>
        <source>Not assessed</source>
        <translation>未评估</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/widgets/filter_bar.py" line="78"/>
        <source>Rating</source>
        <translation>评级</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/widgets/filter_bar.py" line="81"/>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../carthane_tcfd/ui/dialogs/history_dialog.py" line="18"/>
        <source>History – %1</source>
        <translation>修改历史 – %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../carthane_tcfd/ui/dialogs/history_dialog.py" line="22"/>
        <source>%n change(s), newest first</source>
        <translation>
            <numerusform>共 %n 条修改记录（最新在前）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <location filename="../../carthane_tcfd/ui/dialogs/import_preview.py" line="39"/>
        <source>Import from Excel – %1</source>
        <translation>从 Excel 导入 – %1</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/dialogs/import_preview.py" line="63"/>
        <source>Take the file&apos;s values for items changed in the register since the template was made</source>
        <translation>对模板生成后在登记册中被他人修改的条目，以文件中的值为准</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/dialogs/import_preview.py" line="66"/>
        <source>Ignore columns the template does not have</source>
        <translation>忽略模板中没有的列</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/dialogs/import_preview.py" line="72"/>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message numerus="yes">
        <location filename="../../carthane_tcfd/ui/dialogs/import_preview.py" line="88"/>
        <source>%n problem(s): nothing can be imported until the file is corrected.</source>
        <translation>
            <numerusform>%n 个问题：文件更正前无法导入任何内容。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/dialogs/import_preview.py" line="92"/>
        <source>Conflicts: others changed these items after the template was made. Correct the file, or take the file&apos;s values.</source>
        <translation>冲突：模板生成后他人修改了这些条目。请更正文件，或选择以文件中的值为准。</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/dialogs/import_preview.py" line="96"/>
        <source>The file holds no changes.</source>
        <translation>文件中没有任何更改。</translation>
    </message>
</context>
<context>
    <name>ItemEditor</name>
    <message>
        <location filename="../../carthane_tcfd/ui/widgets/item_editor.py" line="127"/>
        <source>Closed: kept in the register and in comparisons, not deleted</source>
        <translation>已关闭：保留在登记册和年度比较中，不删除</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/widgets/item_editor.py" line="131"/>
        <source>Why the item is closed (required to close it)</source>
        <translation>关闭原因（关闭条目时必填）</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/widgets/item_editor.py" line="140"/>
        <source>CNY, optional</source>
        <translation>元，可选</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/widgets/item_editor.py" line="177"/>
        <source>Add action</source>
        <translation>添加措施</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/widgets/item_editor.py" line="178"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/widgets/item_editor.py" line="179"/>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/widgets/item_editor.py" line="180"/>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/widgets/item_editor.py" line="192"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/widgets/item_editor.py" line="193"/>
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/widgets/item_editor.py" line="194"/>
        <source>English title</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/widgets/item_editor.py" line="110"/>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/widgets/item_editor.py" line="110"/>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/widgets/item_editor.py" line="195"/>
        <source>Description (Chinese | English)</source>
        <translation>描述（中文 | 英文）</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/widgets/item_editor.py" line="196"/>
        <source>Time horizons</source>
        <translation>时间范围</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/widgets/item_editor.py" line="197"/>
        <source>Value chain</source>
        <translation>价值链</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/widgets/item_editor.py" line="198"/>
        <source>Financial impacts</source>
        <translation>潜在财务影响</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/widgets/item_editor.py" line="199"/>
        <source>Estimate (CNY)</source>
        <translation>财务估算（元）</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/widgets/item_editor.py" line="200"/>
        <source>Inherent score</source>
        <translation>固有评分</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/widgets/item_editor.py" line="201"/>
        <source>Residual score</source>
        <translation>剩余评分</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/widgets/item_editor.py" line="202"/>
        <source>Owner</source>
        <translation>负责部门</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/widgets/item_editor.py" line="203"/>
        <source>Sites</source>
        <translation>涉及地点</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/widgets/item_editor.py" line="204"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/widgets/item_editor.py" line="205"/>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/widgets/item_editor.py" line="206"/>
        <source>Reason closed</source>
        <translation>关闭原因</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/widgets/item_editor.py" line="207"/>
        <source>Mitigations</source>
        <translation>应对措施</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/widgets/item_editor.py" line="251"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/widgets/item_editor.py" line="253"/>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/widgets/item_editor.py" line="254"/>
        <source>History…</source>
        <translation>修改历史…</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/widgets/item_editor.py" line="357"/>
        <source>Illustrative assessment: the 2024 report gives no scores. Rescoring the item replaces them with your assessment.</source>
        <translation>示例评估：2024 年报告未披露评分。重新评分后将以您的评估替代。</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/widgets/item_editor.py" line="368"/>
        <source>No item selected</source>
        <translation>未选择条目</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/widgets/item_editor.py" line="388"/>
        <source>New risk</source>
        <translation>新建风险</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/widgets/item_editor.py" line="388"/>
        <source>New opportunity</source>
        <translation>新建机遇</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/widgets/item_editor.py" line="487"/>
        <source>Please correct the fields marked in red; nothing was saved.</source>
        <translation>请更正红色标示的字段；尚未保存任何内容。</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/widgets/item_editor.py" line="505"/>
        <source>≈ impact level %1 (%2)</source>
        <translation>≈ 影响等级 %1（%2）</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../carthane_tcfd/ui/window/main_window.py" line="168"/>
        <location filename="../../carthane_tcfd/ui/window/main_window.py" line="248"/>
        <source>Risks</source>
        <translation>风险</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/window/main_window.py" line="169"/>
        <location filename="../../carthane_tcfd/ui/window/main_window.py" line="261"/>
        <source>Opportunities</source>
        <translation>机遇</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/window/main_window.py" line="170"/>
        <location filename="../../carthane_tcfd/ui/window/main_window.py" line="262"/>
        <source>Matrix</source>
        <translation>矩阵</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/window/main_window.py" line="171"/>
        <location filename="../../carthane_tcfd/ui/window/main_window.py" line="263"/>
        <source>Dashboard</source>
        <translation>仪表板</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/window/main_window.py" line="124"/>
        <source>New database…</source>
        <translation>新建数据库…</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/window/main_window.py" line="125"/>
        <source>Open database…</source>
        <translation>打开数据库…</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/window/main_window.py" line="126"/>
        <source>Open shared database (URL)…</source>
        <translation>打开共享数据库（地址）…</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/window/main_window.py" line="127"/>
        <source>Export board pack…</source>
        <translation>导出董事会材料…</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/window/main_window.py" line="129"/>
        <source>Export matrix as PDF/PNG…</source>
        <translation>导出矩阵为 PDF/PNG…</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/window/main_window.py" line="131"/>
        <source>Print risk matrix…</source>
        <translation>打印风险矩阵…</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/window/main_window.py" line="134"/>
        <source>Export template…</source>
        <translation>导出填报模板…</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/window/main_window.py" line="136"/>
        <source>Import from Excel…</source>
        <translation>从 Excel 导入…</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/window/main_window.py" line="137"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/window/main_window.py" line="138"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/window/main_window.py" line="140"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/window/main_window.py" line="145"/>
        <source>New risk</source>
        <translation>新建风险</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/window/main_window.py" line="147"/>
        <source>New opportunity</source>
        <translation>新建机遇</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/window/main_window.py" line="149"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/window/main_window.py" line="150"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/window/main_window.py" line="151"/>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/window/main_window.py" line="152"/>
        <source>History…</source>
        <translation>修改历史…</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/window/main_window.py" line="153"/>
        <source>Your name in the audit trail…</source>
        <translation>审计记录中的姓名…</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/window/main_window.py" line="154"/>
        <source>Your name and role for sign-off…</source>
        <translation>签署时的姓名与职务…</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/window/main_window.py" line="155"/>
        <source>New period…</source>
        <translation>新建年度…</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/window/main_window.py" line="156"/>
        <source>Copy to next year…</source>
        <translation>复制到下一年度…</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/window/main_window.py" line="157"/>
        <source>Submit for review…</source>
        <translation>提交审阅…</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/window/main_window.py" line="158"/>
        <source>Approve…</source>
        <translation>批准…</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/window/main_window.py" line="159"/>
        <source>Return for changes…</source>
        <translation>退回修改…</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/window/main_window.py" line="160"/>
        <source>Reopen…</source>
        <translation>重新开启…</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/window/main_window.py" line="161"/>
        <source>Sign-off history…</source>
        <translation>签署记录…</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/window/main_window.py" line="162"/>
        <source>Compare…</source>
        <translation>比较年度…</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/window/main_window.py" line="163"/>
        <source>Properties…</source>
        <translation>属性…</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/window/main_window.py" line="164"/>
        <source>About…</source>
        <translation>关于…</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/window/main_window.py" line="172"/>
        <location filename="../../carthane_tcfd/ui/window/main_window.py" line="264"/>
        <source>Scenarios</source>
        <translation>情景分析</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/window/main_window.py" line="173"/>
        <location filename="../../carthane_tcfd/ui/window/main_window.py" line="265"/>
        <source>Metrics &amp;&amp; targets</source>
        <translation>指标与目标</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/window/main_window.py" line="184"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/window/main_window.py" line="186"/>
        <source>Recent databases</source>
        <translation>最近使用的数据库</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/window/main_window.py" line="193"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/window/main_window.py" line="199"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/window/main_window.py" line="202"/>
        <location filename="../../carthane_tcfd/ui/window/main_window.py" line="540"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/window/main_window.py" line="203"/>
        <source>As the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/window/main_window.py" line="208"/>
        <source>&amp;Period</source>
        <translation>年度(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/window/main_window.py" line="209"/>
        <source>Switch period</source>
        <translation>切换年度</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/window/main_window.py" line="216"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/window/main_window.py" line="221"/>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/window/main_window.py" line="454"/>
        <source>No period</source>
        <translation>无年度</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/window/main_window.py" line="460"/>
        <source>The %1 period was approved by %2; it is read-only. Period ▸ Reopen… to change it.</source>
        <translation>%1 年度已由 %2 批准，为只读。如需修改，请选择 年度 ▸ 重新开启…</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/window/main_window.py" line="483"/>
        <source>These items hold a stored value the program cannot use; they are left out until repaired:</source>
        <translation>以下条目存有本程序无法使用的值，修复前不会列出：</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/window/main_window.py" line="490"/>
        <source>%1 risks · %2 opportunities</source>
        <translation>%1 项风险 · %2 项机遇</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/window/main_window.py" line="498"/>
        <source>%1 English texts pending</source>
        <translation>%1 处英文待补</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/window/main_window.py" line="541"/>
        <source>The language changes the next time the program starts. 语言设置将在下次启动时生效。</source>
        <translation>语言设置将在下次启动时生效。</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/window/main_window.py" line="546"/>
        <source>Audit trail</source>
        <translation>审计记录</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/window/main_window.py" line="546"/>
        <source>Your name as the audit trail records it (empty: your login name):</source>
        <translation>审计记录中使用的姓名（留空则使用登录名）：</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/window/main_window.py" line="555"/>
        <source>Sign-off</source>
        <translation>签署</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/window/main_window.py" line="559"/>
        <source>Your name as the board pack&apos;s cover prints it (empty: your name in the audit trail):</source>
        <translation>董事会材料封面上显示的姓名（留空：使用审计记录中的用户名）：</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/window/main_window.py" line="567"/>
        <source>Your role, printed beside your name (e.g. Chief Risk Officer):</source>
        <translation>您的职务，显示在姓名旁（例如：首席风险官）：</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/window/main_window.py" line="585"/>
        <source>About</source>
        <translation>关于</translation>
    </message>
</context>
<context>
    <name>MatrixPage</name>
    <message>
        <location filename="../../carthane_tcfd/ui/pages/matrix_page.py" line="42"/>
        <source>Inherent</source>
        <translation>固有</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/pages/matrix_page.py" line="43"/>
        <source>Residual</source>
        <translation>剩余</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/pages/matrix_page.py" line="44"/>
        <source>Inherent → residual</source>
        <translation>固有 → 剩余</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/pages/matrix_page.py" line="49"/>
        <source>Risks</source>
        <translation>风险</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/pages/matrix_page.py" line="50"/>
        <source>Opportunities</source>
        <translation>机遇</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/pages/matrix_page.py" line="53"/>
        <source>View:</source>
        <translation>视图：</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/pages/matrix_page.py" line="61"/>
        <source>Click a cell to list its items.</source>
        <translation>点击单元格以列出其中的条目。</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/pages/matrix_page.py" line="157"/>
        <source>Likelihood %1 × impact %2: %3 item(s)</source>
        <translation>可能性 %1 × 影响 %2：%3 项</translation>
    </message>
</context>
<context>
    <name>MetricsPage</name>
    <message>
        <location filename="../../carthane_tcfd/ui/pages/metrics_page.py" line="98"/>
        <source>Save metrics</source>
        <translation>保存指标</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/pages/metrics_page.py" line="99"/>
        <source>Discard changes</source>
        <translation>放弃更改</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/pages/metrics_page.py" line="123"/>
        <source>Basis</source>
        <translation>核算基础</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/pages/metrics_page.py" line="124"/>
        <source>Further metrics</source>
        <translation>其他指标</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/pages/metrics_page.py" line="125"/>
        <source>Cross-industry metrics</source>
        <translation>跨行业指标</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/pages/metrics_page.py" line="126"/>
        <source>Targets</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/pages/metrics_page.py" line="129"/>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/pages/metrics_page.py" line="152"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/pages/metrics_page.py" line="153"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/pages/metrics_page.py" line="195"/>
        <source>No period</source>
        <translation>无年度</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/pages/metrics_page.py" line="232"/>
        <source>Metrics and targets %1</source>
        <translation>%1 年度指标与目标</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/pages/metrics_page.py" line="234"/>
        <source>compared with %1</source>
        <translation>对比 %1 年度</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/pages/metrics_page.py" line="236"/>
        <source>approved: read-only</source>
        <translation>已批准：只读</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/pages/metrics_page.py" line="238"/>
        <source>unsaved changes</source>
        <translation>有未保存的更改</translation>
    </message>
</context>
<context>
    <name>PeriodActions</name>
    <message>
        <location filename="../../carthane_tcfd/ui/window/period_actions.py" line="65"/>
        <source>Submit the %1 register for review? Changes remain possible until it is approved; your name, the time and your comment are recorded. Whoever submits cannot approve.</source>
        <translation>将 %1 年度登记册提交审阅？批准前仍可修改；将记录您的姓名、时间和意见。提交人不能批准。</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/window/period_actions.py" line="74"/>
        <source>Approve the %1 register? It becomes read-only and its content is frozen with a SHA-256 hash that the board pack prints; your name, the time, your comment and the committee meeting are recorded.</source>
        <translation>批准 %1 年度登记册？批准后为只读，其内容将连同 SHA-256 哈希值一并冻结，并印在董事会材料上；将记录您的姓名、时间、意见和委员会会议。</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/window/period_actions.py" line="82"/>
        <source>Return the %1 register to its preparers for changes? Say what should change.</source>
        <translation>将 %1 年度登记册退回编制人修改？请说明需修改的内容。</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/window/period_actions.py" line="89"/>
        <source>Reopen the %1 register for changes? The approved snapshot is kept; the next approval adds a new one. Why is the period reopened?</source>
        <translation>重新开启 %1 年度登记册以便修改？已批准的快照将保留，下次批准会保存新的快照。请说明重新开启的原因。</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/window/period_actions.py" line="118"/>
        <source>New period</source>
        <translation>新建年度</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/window/period_actions.py" line="118"/>
        <source>Reporting year of the new register:</source>
        <translation>新登记册的报告年度：</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/window/period_actions.py" line="122"/>
        <source>Please enter a year such as 2025.</source>
        <translation>请输入年份，例如 2025。</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/window/period_actions.py" line="125"/>
        <source>%1 climate-related risks and opportunities</source>
        <translation>%1 年度气候相关风险与机遇登记册</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/window/period_actions.py" line="137"/>
        <source>Create the %1 register as a draft copy of %2 (items, codes and open actions)?</source>
        <translation>以 %2 年度为底稿创建 %1 年度登记册（含条目、编号及未完成措施）？</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/window/period_actions.py" line="139"/>
        <source>Copy to next year</source>
        <translation>复制到下一年度</translation>
    </message>
</context>
<context>
    <name>PeriodDialog</name>
    <message>
        <location filename="../../carthane_tcfd/ui/dialogs/period_dialog.py" line="38"/>
        <source>Period %1 – properties</source>
        <translation>%1 年度 – 属性</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/dialogs/period_dialog.py" line="45"/>
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/dialogs/period_dialog.py" line="49"/>
        <source>Matrix size</source>
        <translation>矩阵大小</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/dialogs/period_dialog.py" line="59"/>
        <source>Upper CNY bound of each impact level but the last, ascending</source>
        <translation>除最高等级外各影响等级的金额上限（元），按升序</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/dialogs/period_dialog.py" line="60"/>
        <source>Impact thresholds (CNY)</source>
        <translation>影响金额阈值（元）</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/dialogs/period_dialog.py" line="63"/>
        <source>One-person team: who submits or changes the period may also approve it (the cover says so)</source>
        <translation>一人团队：提交人或修改人亦可批准（封面会注明）</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/dialogs/period_dialog.py" line="68"/>
        <source>Segregation of duties</source>
        <translation>职责分离</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/dialogs/period_dialog.py" line="73"/>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/dialogs/period_dialog.py" line="77"/>
        <source>Governance</source>
        <translation>治理</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/dialogs/period_dialog.py" line="78"/>
        <source>Strategy and resilience</source>
        <translation>战略与韧性</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/dialogs/period_dialog.py" line="79"/>
        <source>Risk-management process</source>
        <translation>风险管理流程</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/dialogs/period_dialog.py" line="80"/>
        <source>Metrics and targets</source>
        <translation>指标与目标</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/dialogs/period_dialog.py" line="81"/>
        <source>Key messages</source>
        <translation>要点</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/dialogs/period_dialog.py" line="82"/>
        <source>Decision requested</source>
        <translation>提请决策事项</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/dialogs/period_dialog.py" line="87"/>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/dialogs/period_dialog.py" line="87"/>
        <source>English</source>
        <translation>英文</translation>
    </message>
</context>
<context>
    <name>RegisterPage</name>
    <message>
        <location filename="../../carthane_tcfd/ui/pages/register_page.py" line="125"/>
        <source>The %1 period is approved and read-only; reopen it (Period menu) to make changes.</source>
        <translation>%1 年度已批准，为只读；如需修改，请通过“年度”菜单重新开启。</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/pages/register_page.py" line="159"/>
        <source>%1 of %2 shown</source>
        <translation>显示 %1 / 共 %2 项</translation>
    </message>
    <message numerus="yes">
        <location filename="../../carthane_tcfd/ui/pages/register_page.py" line="276"/>
        <source>Saving removes %n filled cell(s) of the scenario grid, of the time horizons no longer chosen (%1). Undo does not bring them back.</source>
        <translation>
            <numerusform>保存将删除情景评估表中已填写的 %n 个单元格（不再选择的时间范围：%1）。撤销不能恢复这些单元格。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/pages/register_page.py" line="281"/>
        <source>Remove scenario grid cells</source>
        <translation>删除情景评估单元格</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/pages/register_page.py" line="306"/>
        <source>Delete %1</source>
        <translation>删除 %1</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/pages/register_page.py" line="307"/>
        <source>Delete %1 “%2” and its %3 action(s)? You can undo this with Ctrl+Z.</source>
        <translation>删除 %1“%2”及其 %3 项应对措施？可按 Ctrl+Z 撤销。</translation>
    </message>
</context>
<context>
    <name>ScenarioDialog</name>
    <message>
        <location filename="../../carthane_tcfd/ui/dialogs/scenario_dialogs.py" line="122"/>
        <source>Scenario</source>
        <translation>情景</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/dialogs/scenario_dialogs.py" line="129"/>
        <source>e.g. NGFS phase and scenario name</source>
        <translation>例如 NGFS 阶段与情景名称</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/dialogs/scenario_dialogs.py" line="132"/>
        <source>°C by 2100, e.g. 1.5</source>
        <translation>至 2100 年温升（°C），例如 1.5</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/dialogs/scenario_dialogs.py" line="135"/>
        <source>last year analysed, e.g. 2050</source>
        <translation>分析的最后年份，例如 2050</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/dialogs/scenario_dialogs.py" line="138"/>
        <source>CNY per tCO2e by year, e.g. 2030: 200; 2040: 350</source>
        <translation>各年份碳价（元/吨CO2e），例如 2030: 200; 2040: 350</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/dialogs/scenario_dialogs.py" line="143"/>
        <source>%, e.g. 8 or -5</source>
        <translation>百分比，例如 8 或 -5</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/dialogs/scenario_dialogs.py" line="147"/>
        <source>Policy, macro-economy, energy mix, technology</source>
        <translation>政策、宏观经济、能源结构、技术</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/dialogs/scenario_dialogs.py" line="149"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/dialogs/scenario_dialogs.py" line="150"/>
        <source>English name</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/dialogs/scenario_dialogs.py" line="151"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/dialogs/scenario_dialogs.py" line="152"/>
        <source>Temperature outcome (°C)</source>
        <translation>温升结果（°C）</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/dialogs/scenario_dialogs.py" line="153"/>
        <source>Time horizon (year)</source>
        <translation>分析年限（年份）</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/dialogs/scenario_dialogs.py" line="154"/>
        <source>Carbon price path</source>
        <translation>碳价路径</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/dialogs/scenario_dialogs.py" line="155"/>
        <source>Electricity price change (%)</source>
        <translation>电价变化（%）</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/dialogs/scenario_dialogs.py" line="156"/>
        <source>Assumptions</source>
        <translation>假设</translation>
    </message>
</context>
<context>
    <name>ScenarioGridModel</name>
    <message>
        <location filename="../../carthane_tcfd/ui/models/scenario_grid_model.py" line="197"/>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/models/scenario_grid_model.py" line="199"/>
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/models/scenario_grid_model.py" line="233"/>
        <source>Not one of the item&apos;s time horizons</source>
        <translation>不属于该条目的时间范围</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/models/scenario_grid_model.py" line="277"/>
        <source>Not assessed: Enter to edit, 1–9 for the level</source>
        <translation>未评估：按回车编辑，按 1–9 设定等级</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/models/scenario_grid_model.py" line="278"/>
        <source>%1 (¥: amounts, ✎: narrative; Enter opens the cell)</source>
        <translation>%1（¥：含金额，✎：含说明；按回车打开单元格）</translation>
    </message>
</context>
<context>
    <name>ScenariosPage</name>
    <message>
        <location filename="../../carthane_tcfd/ui/pages/scenarios_page.py" line="59"/>
        <source>Add scenario…</source>
        <translation>新增情景…</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/pages/scenarios_page.py" line="60"/>
        <source>Edit scenario…</source>
        <translation>编辑情景…</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/pages/scenarios_page.py" line="62"/>
        <location filename="../../carthane_tcfd/ui/pages/scenarios_page.py" line="258"/>
        <source>Remove scenario</source>
        <translation>删除情景</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/pages/scenarios_page.py" line="63"/>
        <source>History…</source>
        <translation>修改历史…</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/pages/scenarios_page.py" line="66"/>
        <source>Changes to the scenarios and to the narrative and inputs; a cell&apos;s are in its item&apos;s history</source>
        <translation>情景设定及韧性说明、输入数据的修改记录；评估单元格的修改见其条目的修改历史</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/pages/scenarios_page.py" line="69"/>
        <source>Scenarios:</source>
        <translation>情景：</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/pages/scenarios_page.py" line="78"/>
        <source>Keys: Enter edits a cell; 1–9 sets the level; A adverse, F favourable, N neutral; Del clears.</source>
        <translation>按键：回车编辑单元格；1–9 设定等级；A 不利、F 有利、N 中性；Del 清除。</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/pages/scenarios_page.py" line="108"/>
        <source>How resilient the strategy is under the scenarios (TCFD Strategy c, IFRS S2 ¶22)</source>
        <translation>各情景下公司战略的气候韧性（TCFD 战略 c，IFRS S2 第22段）</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/pages/scenarios_page.py" line="112"/>
        <source>CNY, the period&apos;s purchased electricity cost</source>
        <translation>人民币元，本年度外购电力成本</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/pages/scenarios_page.py" line="113"/>
        <source>Apply the carbon price to scope 3 as well</source>
        <translation>碳价同时适用于范围三排放</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/pages/scenarios_page.py" line="115"/>
        <source>Save narrative and inputs</source>
        <translation>保存说明与输入</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/pages/scenarios_page.py" line="134"/>
        <source>Resilience</source>
        <translation>气候韧性</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/pages/scenarios_page.py" line="135"/>
        <source>Purchased electricity cost</source>
        <translation>外购电力成本</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/pages/scenarios_page.py" line="139"/>
        <source>Emissions used</source>
        <translation>所用排放量</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/pages/scenarios_page.py" line="140"/>
        <source>Sensitivities</source>
        <translation>敏感性分析</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/pages/scenarios_page.py" line="218"/>
        <source>Scope 1: %1 t · scope 2: %2 t · scope 1 + 2: %3 t · scope 3: %4 t (the period&apos;s metrics)</source>
        <translation>范围一：%1 吨 · 范围二：%2 吨 · 范围一 + 二：%3 吨 · 范围三：%4 吨（本年度指标）</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/pages/scenarios_page.py" line="257"/>
        <source>Remove the scenario “%1” and its column of the grid?</source>
        <translation>删除情景「%1」及其在评估表中的列？</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/pages/scenarios_page.py" line="273"/>
        <source>Scenario analysis %1</source>
        <translation>%1 年度情景分析</translation>
    </message>
</context>
<context>
    <name>SensitivityModel</name>
    <message>
        <location filename="../../carthane_tcfd/ui/models/sensitivity_model.py" line="19"/>
        <source>Scenario</source>
        <translation>情景</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/models/sensitivity_model.py" line="20"/>
        <source>Sensitivity</source>
        <translation>敏感性</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/models/sensitivity_model.py" line="21"/>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/models/sensitivity_model.py" line="22"/>
        <source>Inputs</source>
        <translation>输入</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/models/sensitivity_model.py" line="23"/>
        <source>Formula</source>
        <translation>公式</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/models/sensitivity_model.py" line="24"/>
        <source>Result (CNY)</source>
        <translation>结果（元）</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/models/sensitivity_model.py" line="28"/>
        <source>input missing</source>
        <translation>缺少输入</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/models/sensitivity_model.py" line="34"/>
        <source>Carbon price × emissions</source>
        <translation>碳价 × 排放量</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/models/sensitivity_model.py" line="38"/>
        <source>Electricity price × purchased electricity cost</source>
        <translation>电价变化 × 外购电力成本</translation>
    </message>
</context>
<context>
    <name>SignoffHistoryDialog</name>
    <message>
        <location filename="../../carthane_tcfd/ui/dialogs/signoff_dialogs.py" line="131"/>
        <source>Sign-off history – %1</source>
        <translation>签署记录 – %1</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/dialogs/signoff_dialogs.py" line="134"/>
        <source>Prepared by: %1</source>
        <translation>编制：%1</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/dialogs/signoff_dialogs.py" line="141"/>
        <source>Segregation of duties is relaxed for this period (one-person team); * marks an approval by who submitted or changed the period.</source>
        <translation>本年度已放宽职责分离（一人团队）；* 表示批准人亦为提交人或修改人。</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/dialogs/signoff_dialogs.py" line="160"/>
        <source>No sign-off step yet.</source>
        <translation>尚无签署记录。</translation>
    </message>
</context>
<context>
    <name>StepDialog</name>
    <message>
        <location filename="../../carthane_tcfd/ui/dialogs/signoff_dialogs.py" line="52"/>
        <source>Submit for review</source>
        <translation>提交审阅</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/dialogs/signoff_dialogs.py" line="53"/>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/dialogs/signoff_dialogs.py" line="54"/>
        <source>Return for changes</source>
        <translation>退回修改</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/dialogs/signoff_dialogs.py" line="55"/>
        <source>Reopen period</source>
        <translation>重新开启年度</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/dialogs/signoff_dialogs.py" line="69"/>
        <source>Comment (required)</source>
        <translation>意见（必填）</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/dialogs/signoff_dialogs.py" line="69"/>
        <source>Comment (optional)</source>
        <translation>意见（选填）</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/dialogs/signoff_dialogs.py" line="70"/>
        <source>Committee meeting held on</source>
        <translation>委员会会议日期</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/dialogs/signoff_dialogs.py" line="83"/>
        <source>Meeting</source>
        <translation>会议</translation>
    </message>
    <message>
        <location filename="../../carthane_tcfd/ui/dialogs/signoff_dialogs.py" line="84"/>
        <source>Meeting reference</source>
        <translation>会议编号</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <location filename="../../carthane_tcfd/ui/dialogs/printing.py" line="61"/>
        <source>Print risk matrix</source>
        <translation>打印风险矩阵</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../../carthane_tcfd/ui/launch.py" line="59"/>
        <source>Something went wrong; your saved data is safe. The details were written to %1</source>
        <translation>出现意外错误；已保存的数据安全无损。详细信息已写入 %1</translation>
    </message>
</context>
</TS>
