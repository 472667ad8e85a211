<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AddClassDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="103" />
        <source>添加班级</source>
        <translation>Add class</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="110" />
        <source>（暂不指定）</source>
        <translation>(none yet)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="112" />
        <source>年级</source>
        <translation>Grade</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="113" />
        <source>班号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="114" />
        <source>班主任</source>
        <translation>Head teacher</translation>
    </message>
</context>
<context>
    <name>AddStudentDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="121" />
        <source>添加学生</source>
        <translation>Add student</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="131" />
        <source>班级</source>
        <translation>Class</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="132" />
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="133" />
        <source>性别</source>
        <translation>Gender</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="134" />
        <source>学号</source>
        <translation>Student no.</translation>
    </message>
</context>
<context>
    <name>AddTeacherDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="139" />
        <source>添加教师</source>
        <translation>Add teacher</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="142" />
        <source>例如：科学、美术、信息技术</source>
        <translation>e.g. Science, Art, IT</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="143" />
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="144" />
        <source>学科</source>
        <translation>Subject</translation>
    </message>
</context>
<context>
    <name>ClassesPage</name>
    <message>
        <location filename="../../ui/school_pages.py" line="132" />
        <source>添加年级</source>
        <translation>Add grade</translation>
    </message>
    <message>
        <location filename="../../ui/school_pages.py" line="134" />
        <location filename="../../ui/school_pages.py" line="229" />
        <source>删除年级</source>
        <translation>Delete grade</translation>
    </message>
    <message>
        <location filename="../../ui/school_pages.py" line="135" />
        <source>添加班级…</source>
        <translation>Add class…</translation>
    </message>
    <message>
        <location filename="../../ui/school_pages.py" line="136" />
        <location filename="../../ui/school_pages.py" line="245" />
        <source>删除班级</source>
        <translation>Delete class</translation>
    </message>
    <message>
        <location filename="../../ui/school_pages.py" line="145" />
        <source>年级（学部由年级自动确定；年级名称可直接修改，如“初一”改为“七年级”）</source>
        <translation>Grades (the section follows from the grade; a grade's name can be edited, e.g. 初一 to 七年级)</translation>
    </message>
    <message>
        <location filename="../../ui/school_pages.py" line="151" />
        <source>班级（双击班号或班主任可修改）</source>
        <translation>Classes (double-click the number or head teacher to change it)</translation>
    </message>
    <message>
        <location filename="../../ui/school_pages.py" line="163" />
        <location filename="../../ui/school_pages.py" line="182" />
        <source>学部</source>
        <translation>Section</translation>
    </message>
    <message>
        <location filename="../../ui/school_pages.py" line="165" />
        <location filename="../../ui/school_pages.py" line="183" />
        <source>年级</source>
        <translation>Grade</translation>
    </message>
    <message>
        <location filename="../../ui/school_pages.py" line="170" />
        <source>班级数</source>
        <translation>Classes</translation>
    </message>
    <message>
        <location filename="../../ui/school_pages.py" line="171" />
        <location filename="../../ui/school_pages.py" line="192" />
        <source>学生数</source>
        <translation>Students</translation>
    </message>
    <message>
        <location filename="../../ui/school_pages.py" line="178" />
        <source>班号必须是1到99的整数。</source>
        <translation>The class number must be a whole number from 1 to 99.</translation>
    </message>
    <message>
        <location filename="../../ui/school_pages.py" line="184" />
        <source>班号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../ui/school_pages.py" line="185" />
        <source>班级</source>
        <translation>Class</translation>
    </message>
    <message>
        <location filename="../../ui/school_pages.py" line="187" />
        <source>班主任</source>
        <translation>Head teacher</translation>
    </message>
    <message>
        <location filename="../../ui/school_pages.py" line="190" />
        <source>（未指定）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../ui/school_pages.py" line="226" />
        <source>删除“{0}”及其 {1} 个班级、{2} 名学生？此操作不能撤销。</source>
        <translation>Delete “{0}” with its {1} classes and {2} students? This cannot be undone.</translation>
    </message>
    <message>
        <location filename="../../ui/school_pages.py" line="244" />
        <source>删除{0}及其 {1} 名学生？此操作不能撤销。</source>
        <translation>Delete {0} with its {1} students? This cannot be undone.</translation>
    </message>
</context>
<context>
    <name>FestivalHeader</name>
    <message>
        <location filename="../../ui/main_window.py" line="52" />
        <source>主题：{0}</source>
        <translation>Theme: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="54" />
        <source>{0} 至 {1}</source>
        <translation>{0} to {1}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="59" />
        <source>今天：{0}阶段</source>
        <translation>Today: {0} phase</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="61" />
        <source>距开幕还有 {0} 天</source>
        <translation>{0} days to the opening</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="63" />
        <source>已结束</source>
        <translation>Finished</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="65" />
        <source>进行中</source>
        <translation>Running</translation>
    </message>
</context>
<context>
    <name>FestivalPage</name>
    <message>
        <location filename="../../ui/settings_tab.py" line="51" />
        <source>新建科技节…</source>
        <translation>New festival…</translation>
    </message>
    <message>
        <location filename="../../ui/settings_tab.py" line="53" />
        <source>删除此科技节</source>
        <translation>Delete this festival</translation>
    </message>
    <message>
        <location filename="../../ui/settings_tab.py" line="56" />
        <source>当前科技节</source>
        <translation>Current festival</translation>
    </message>
    <message>
        <location filename="../../ui/settings_tab.py" line="65" />
        <source>（不写届次）</source>
        <translation>(no edition)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_tab.py" line="75" />
        <source>科技节信息（修改后自动保存）</source>
        <translation>Festival details (saved as you edit)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_tab.py" line="78" />
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/settings_tab.py" line="79" />
        <source>届次</source>
        <translation>Edition</translation>
    </message>
    <message>
        <location filename="../../ui/settings_tab.py" line="80" />
        <source>主题</source>
        <translation>Theme</translation>
    </message>
    <message>
        <location filename="../../ui/settings_tab.py" line="81" />
        <source>学校</source>
        <translation>School</translation>
    </message>
    <message>
        <location filename="../../ui/settings_tab.py" line="82" />
        <location filename="../../ui/settings_tab.py" line="112" />
        <source>开始日期</source>
        <translation>Start date</translation>
    </message>
    <message>
        <location filename="../../ui/settings_tab.py" line="83" />
        <location filename="../../ui/settings_tab.py" line="118" />
        <source>结束日期</source>
        <translation>End date</translation>
    </message>
    <message>
        <location filename="../../ui/settings_tab.py" line="86" />
        <source>添加阶段</source>
        <translation>Add phase</translation>
    </message>
    <message>
        <location filename="../../ui/settings_tab.py" line="88" />
        <source>删除阶段</source>
        <translation>Delete phase</translation>
    </message>
    <message>
        <location filename="../../ui/settings_tab.py" line="90" />
        <source>活动阶段（可以重叠；双击单元格修改）</source>
        <translation>Phases (may overlap; double-click a cell to change it)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_tab.py" line="107" />
        <source>阶段</source>
        <translation>Phase</translation>
    </message>
    <message>
        <location filename="../../ui/settings_tab.py" line="123" />
        <source>天数</source>
        <translation>Days</translation>
    </message>
    <message>
        <location filename="../../ui/settings_tab.py" line="199" />
        <source>这是唯一的科技节，不能删除。请先新建一个科技节。</source>
        <translation>This is the only festival and cannot be deleted. Create another festival first.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_tab.py" line="201" />
        <source>删除“{0}”及其中的全部班级、学生和数据？此操作不能撤销。</source>
        <translation>Delete “{0}” with all its classes, students and data? This cannot be undone.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_tab.py" line="204" />
        <source>删除科技节</source>
        <translation>Delete festival</translation>
    </message>
    <message>
        <location filename="../../ui/settings_tab.py" line="214" />
        <source>新阶段</source>
        <translation>New phase</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="83" />
        <location filename="../../ui/main_window.py" line="86" />
        <source>科技节</source>
        <translation>Science Festival</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="87" />
        <source>正在打开数据文件…</source>
        <translation>Opening the data file…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="91" />
        <location filename="../../ui/main_window.py" line="108" />
        <source>活动日历</source>
        <translation>Calendar</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="93" />
        <source>按月、按周查看科技节的全部活动：国旗下讲话、科普讲座、影片、参观、比赛截止与评审日，并提示时间地点冲突。</source>
        <translation>Every activity of the festival by month and week — the launch assembly, lectures, films, visits, competition deadlines and judging days — with clashes of time and place flagged.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="97" />
        <location filename="../../ui/main_window.py" line="109" />
        <source>作品报名</source>
        <translation>Entries</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="98" />
        <source>设置比赛项目与各班名额，登记各班作品，打印作品标签和分类造册。</source>
        <translation>Set up the competitions and each class's quota, register the classes' entries, print entry labels and the registers.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="101" />
        <location filename="../../ui/main_window.py" line="110" />
        <source>现场评分</source>
        <translation>Live scoring</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="102" />
        <source>评委现场打分，排名实时更新，并可在投影仪上展示排行榜。</source>
        <translation>Judges score on the spot, the ranking updates as scores arrive, and a leaderboard shows on the projector.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="105" />
        <location filename="../../ui/main_window.py" line="111" />
        <source>奖项与证书</source>
        <translation>Awards and certificates</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="106" />
        <source>按规则评出奖项，公示获奖名单，批量打印奖状与荣誉证书。</source>
        <translation>Award by the school's rules, post the winners for public notice, and print the certificates in batches.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="112" />
        <location filename="../../ui/main_window.py" line="132" />
        <source>学校与设置</source>
        <translation>School and settings</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="134" />
        <source>数据文件：{0}　·　所有修改即时保存</source>
        <translation>Data file: {0}  ·  every change is saved at once</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="146" />
        <source>{0} — 科技节</source>
        <translation>{0} — Science Festival</translation>
    </message>
</context>
<context>
    <name>NewFestivalDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="63" />
        <source>新建科技节</source>
        <translation>New festival</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="67" />
        <source>第{0}届校园科技节</source>
        <translation>第{0}届校园科技节</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="70" />
        <source>例如：探究身边的科学</source>
        <translation>e.g. 探究身边的科学 (Exploring the science around us)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="74" />
        <source>不复制，从空白开始</source>
        <translation>Start empty, copy nothing</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="79" />
        <source>复制的是阶段、年级班级和教师名单；学生名单不复制，新学年请重新导入花名册。</source>
        <translation>Phases, grades, classes and teachers are copied; students are not — import the new year's roster.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="82" />
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="83" />
        <source>学校</source>
        <translation>School</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="84" />
        <source>主题</source>
        <translation>Theme</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="85" />
        <source>开始日期</source>
        <translation>Start date</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="86" />
        <source>结束日期</source>
        <translation>End date</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="87" />
        <source>复制设置自</source>
        <translation>Copy set-up from</translation>
    </message>
</context>
<context>
    <name>PlaceholderTab</name>
    <message>
        <location filename="../../ui/placeholder_tab.py" line="19" />
        <source>在后续版本中提供</source>
        <translation>Coming in a later version</translation>
    </message>
</context>
<context>
    <name>PreferencesPage</name>
    <message>
        <location filename="../../ui/settings_tab.py" line="243" />
        <source>界面语言</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <location filename="../../ui/settings_tab.py" line="245" />
        <source>数据文件</source>
        <translation>Data file</translation>
    </message>
    <message>
        <location filename="../../ui/settings_tab.py" line="246" />
        <source>所有修改都会立即保存到数据文件中，无需手动保存。</source>
        <translation>Every change is saved to the data file at once; there is nothing to save by hand.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_tab.py" line="256" />
        <source>无法保存设置：{0}</source>
        <translation>Could not save the settings: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/settings_tab.py" line="258" />
        <source>重新启动程序后生效。</source>
        <translation>Takes effect when the program is restarted.</translation>
    </message>
</context>
<context>
    <name>RosterImportDialog</name>
    <message>
        <location filename="../../ui/roster_import_dialog.py" line="36" />
        <source>导入花名册 — {0}</source>
        <translation>Import roster — {0}</translation>
    </message>
    <message>
        <location filename="../../ui/roster_import_dialog.py" line="40" />
        <source>新年级 {0} 个，新班级 {1} 个，新学生 {2} 名，更新 {3} 名，已存在且不变 {4} 名。</source>
        <translation>New grades: {0}, new classes: {1}, new students: {2}, updated: {3}, already present and unchanged: {4}.</translation>
    </message>
    <message>
        <location filename="../../ui/roster_import_dialog.py" line="53" />
        <source>将新建班级：{0}</source>
        <translation>Classes to be created: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/roster_import_dialog.py" line="60" />
        <source>发现 {0} 处问题，必须全部改正后才能导入（不会只导入一部分）。请按下表修改 Excel 文件后重新导入。</source>
        <translation>{0} problems found. All must be fixed before anything is imported (nothing is imported in part). Correct the Excel file as listed below and import it again.</translation>
    </message>
    <message>
        <location filename="../../ui/roster_import_dialog.py" line="68" />
        <source>没有发现问题。点击“导入”后一次性写入。</source>
        <translation>No problems found. Press Import to write everything in one go.</translation>
    </message>
    <message>
        <location filename="../../ui/roster_import_dialog.py" line="80" />
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../ui/roster_import_dialog.py" line="88" />
        <location filename="../../ui/roster_import_dialog.py" line="100" />
        <source>工作表</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <location filename="../../ui/roster_import_dialog.py" line="89" />
        <location filename="../../ui/roster_import_dialog.py" line="101" />
        <source>行</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../ui/roster_import_dialog.py" line="90" />
        <source>列</source>
        <translation>Column</translation>
    </message>
    <message>
        <location filename="../../ui/roster_import_dialog.py" line="91" />
        <source>问题</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location filename="../../ui/roster_import_dialog.py" line="96" />
        <source>班级</source>
        <translation>Class</translation>
    </message>
    <message>
        <location filename="../../ui/roster_import_dialog.py" line="97" />
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/roster_import_dialog.py" line="98" />
        <source>性别</source>
        <translation>Gender</translation>
    </message>
    <message>
        <location filename="../../ui/roster_import_dialog.py" line="99" />
        <source>学号</source>
        <translation>Student no.</translation>
    </message>
</context>
<context>
    <name>SettingsTab</name>
    <message>
        <location filename="../../ui/settings_tab.py" line="290" />
        <source>科技节</source>
        <translation>Festival</translation>
    </message>
    <message>
        <location filename="../../ui/settings_tab.py" line="291" />
        <source>年级与班级</source>
        <translation>Grades and classes</translation>
    </message>
    <message>
        <location filename="../../ui/settings_tab.py" line="292" />
        <source>教师</source>
        <translation>Teachers</translation>
    </message>
    <message>
        <location filename="../../ui/settings_tab.py" line="293" />
        <source>学生花名册</source>
        <translation>Student roster</translation>
    </message>
    <message>
        <location filename="../../ui/settings_tab.py" line="294" />
        <source>界面与数据</source>
        <translation>Interface and data</translation>
    </message>
</context>
<context>
    <name>StudentsPage</name>
    <message>
        <location filename="../../ui/school_pages.py" line="319" />
        <source>按姓名或学号查找</source>
        <translation>Find by name or student no.</translation>
    </message>
    <message>
        <location filename="../../ui/school_pages.py" line="322" />
        <source>添加学生…</source>
        <translation>Add student…</translation>
    </message>
    <message>
        <location filename="../../ui/school_pages.py" line="323" />
        <source>删除所选</source>
        <translation>Delete selected</translation>
    </message>
    <message>
        <location filename="../../ui/school_pages.py" line="324" />
        <source>导入花名册…</source>
        <translation>Import roster…</translation>
    </message>
    <message>
        <location filename="../../ui/school_pages.py" line="325" />
        <source>导出花名册…</source>
        <translation>Export roster…</translation>
    </message>
    <message>
        <location filename="../../ui/school_pages.py" line="342" />
        <source>班级</source>
        <translation>Class</translation>
    </message>
    <message>
        <location filename="../../ui/school_pages.py" line="349" />
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/school_pages.py" line="354" />
        <source>性别</source>
        <translation>Gender</translation>
    </message>
    <message>
        <location filename="../../ui/school_pages.py" line="361" />
        <source>学号</source>
        <translation>Student no.</translation>
    </message>
    <message>
        <location filename="../../ui/school_pages.py" line="366" />
        <source>出生日期</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../ui/school_pages.py" line="372" />
        <source>年龄</source>
        <translation>Age</translation>
    </message>
    <message>
        <location filename="../../ui/school_pages.py" line="390" />
        <source>全部班级</source>
        <translation>All classes</translation>
    </message>
    <message>
        <location filename="../../ui/school_pages.py" line="411" />
        <source>共 {0} 名学生，显示 {1} 名</source>
        <translation>{0} students, {1} shown</translation>
    </message>
    <message>
        <location filename="../../ui/school_pages.py" line="418" />
        <source>还没有班级。请先在“年级与班级”中添加班级，或导入花名册。</source>
        <translation>There are no classes yet. Add classes under Grades and classes, or import a roster.</translation>
    </message>
    <message>
        <location filename="../../ui/school_pages.py" line="434" />
        <source>删除学生</source>
        <translation>Delete students</translation>
    </message>
    <message>
        <location filename="../../ui/school_pages.py" line="434" />
        <source>删除所选的 {0} 名学生？此操作不能撤销。</source>
        <translation>Delete the {0} selected students? This cannot be undone.</translation>
    </message>
    <message>
        <location filename="../../ui/school_pages.py" line="440" />
        <source>选择花名册</source>
        <translation>Choose a roster</translation>
    </message>
    <message>
        <location filename="../../ui/school_pages.py" line="440" />
        <source>Excel 工作簿 (*.xlsx);;所有文件 (*)</source>
        <translation>Excel workbook (*.xlsx);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/school_pages.py" line="460" />
        <source>导出花名册</source>
        <translation>Export roster</translation>
    </message>
    <message>
        <location filename="../../ui/school_pages.py" line="460" />
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>TeachersPage</name>
    <message>
        <location filename="../../ui/school_pages.py" line="254" />
        <source>按姓名或学科查找</source>
        <translation>Find by name or subject</translation>
    </message>
    <message>
        <location filename="../../ui/school_pages.py" line="257" />
        <source>添加教师…</source>
        <translation>Add teacher…</translation>
    </message>
    <message>
        <location filename="../../ui/school_pages.py" line="258" />
        <location filename="../../ui/school_pages.py" line="304" />
        <source>删除教师</source>
        <translation>Delete teachers</translation>
    </message>
    <message>
        <location filename="../../ui/school_pages.py" line="269" />
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/school_pages.py" line="274" />
        <source>学科</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../../ui/school_pages.py" line="278" />
        <source>担任班主任</source>
        <translation>Head teacher of</translation>
    </message>
    <message>
        <location filename="../../ui/school_pages.py" line="288" />
        <source>共 {0} 位教师</source>
        <translation>{0} teachers</translation>
    </message>
    <message>
        <location filename="../../ui/school_pages.py" line="304" />
        <source>删除 {0} 位教师？</source>
        <translation>Delete {0} teachers?</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../../main.py" line="22" />
        <source>程序出错了</source>
        <translation>Something went wrong</translation>
    </message>
    <message>
        <location filename="../../main.py" line="23" />
        <source>程序遇到了一个意外错误：{0}

已保存的数据不会丢失（每次修改都已即时保存）。错误详情已写入日志文件：
{1}

请把这个文件发给技术支持。</source>
        <translation>The program met an unexpected error: {0}

No saved data is lost (every change was saved as it was made). The details are in the log file:
{1}

Please send this file to whoever supports you.</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <location filename="../../ui/messages.py" line="11" />
        <source>未能完成</source>
        <translation>Could not be done</translation>
    </message>
</context>
<context>
    <name>opening</name>
    <message>
        <location filename="../../ui/opening.py" line="22" />
        <source>无法打开科技节数据文件</source>
        <translation>Cannot open the festival file</translation>
    </message>
    <message>
        <location filename="../../ui/opening.py" line="27" />
        <source>打开其他文件…</source>
        <translation>Open another file…</translation>
    </message>
    <message>
        <location filename="../../ui/opening.py" line="29" />
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../ui/opening.py" line="35" />
        <source>选择科技节数据文件</source>
        <translation>Choose a festival file</translation>
    </message>
    <message>
        <location filename="../../ui/opening.py" line="37" />
        <source>科技节数据文件 (*.db);;所有文件 (*)</source>
        <translation>Festival files (*.db);;All files (*)</translation>
    </message>
</context>
</TS>