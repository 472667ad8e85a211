<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AddClassDialog</name>
    <message>
        <location filename="../../ui/settings/dialogs.py" line="52"/>
        <source>添加班级</source>
        <translation>Add class</translation>
    </message>
    <message>
        <location filename="../../ui/settings/dialogs.py" line="59"/>
        <source>（暂不指定）</source>
        <translation>(none yet)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/dialogs.py" line="61"/>
        <source>年级</source>
        <translation>Grade</translation>
    </message>
    <message>
        <location filename="../../ui/settings/dialogs.py" line="62"/>
        <source>班号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/dialogs.py" line="63"/>
        <source>班主任</source>
        <translation>Head teacher</translation>
    </message>
</context>
<context>
    <name>AddStudentDialog</name>
    <message>
        <location filename="../../ui/settings/dialogs.py" line="70"/>
        <source>添加学生</source>
        <translation>Add student</translation>
    </message>
    <message>
        <location filename="../../ui/settings/dialogs.py" line="82"/>
        <source>班级</source>
        <translation>Class</translation>
    </message>
    <message>
        <location filename="../../ui/settings/dialogs.py" line="83"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/settings/dialogs.py" line="84"/>
        <source>性别</source>
        <translation>Gender</translation>
    </message>
    <message>
        <location filename="../../ui/settings/dialogs.py" line="85"/>
        <source>学号</source>
        <translation>Student no.</translation>
    </message>
</context>
<context>
    <name>AddTeacherDialog</name>
    <message>
        <location filename="../../ui/settings/dialogs.py" line="90"/>
        <source>添加教师</source>
        <translation>Add teacher</translation>
    </message>
    <message>
        <location filename="../../ui/settings/dialogs.py" line="94"/>
        <source>例如：科学、美术、信息技术</source>
        <translation>e.g. Science, Art, IT</translation>
    </message>
    <message>
        <location filename="../../ui/settings/dialogs.py" line="95"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/settings/dialogs.py" line="96"/>
        <source>学科</source>
        <translation>Subject</translation>
    </message>
</context>
<context>
    <name>AuthorPicker</name>
    <message>
        <location filename="../../ui/registration/entry_panel.py" line="53"/>
        <source>输入姓名或拼音首字母，如 zzh</source>
        <translation>Type a name or its pinyin initials, e.g. zzh</translation>
    </message>
    <message>
        <location filename="../../ui/registration/entry_panel.py" line="68"/>
        <source>移除所选作者</source>
        <translation>Remove selected author</translation>
    </message>
</context>
<context>
    <name>AwardListPage</name>
    <message>
        <location filename="../../ui/awards/lists_page.py" line="94"/>
        <source>按规则评奖</source>
        <translation>Assign by rules</translation>
    </message>
    <message>
        <location filename="../../ui/awards/lists_page.py" line="96"/>
        <source>评奖规则…</source>
        <translation>Award rules…</translation>
    </message>
    <message>
        <location filename="../../ui/awards/lists_page.py" line="103"/>
        <source>恢复规则结果</source>
        <translation>Back to rule result</translation>
    </message>
    <message>
        <location filename="../../ui/awards/lists_page.py" line="114"/>
        <location filename="../../ui/awards/lists_page.py" line="230"/>
        <location filename="../../ui/awards/lists_page.py" line="360"/>
        <source>定稿</source>
        <translation>Finalise</translation>
    </message>
    <message>
        <location filename="../../ui/awards/lists_page.py" line="116"/>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../ui/awards/lists_page.py" line="118"/>
        <source>公示名单（PDF）…</source>
        <translation>Notice list (PDF)…</translation>
    </message>
    <message>
        <location filename="../../ui/awards/lists_page.py" line="119"/>
        <source>公示名单（Excel）…</source>
        <translation>Notice list (Excel)…</translation>
    </message>
    <message>
        <location filename="../../ui/awards/lists_page.py" line="120"/>
        <source>班级考核表（Excel）…</source>
        <translation>Class points (Excel)…</translation>
    </message>
    <message>
        <location filename="../../ui/awards/lists_page.py" line="121"/>
        <source>获奖名单核对表（PDF）…</source>
        <translation>Name-check list (PDF)…</translation>
    </message>
    <message>
        <location filename="../../ui/awards/lists_page.py" line="123"/>
        <source>修改记录…</source>
        <translation>Change log…</translation>
    </message>
    <message>
        <location filename="../../ui/awards/lists_page.py" line="133"/>
        <location filename="../../ui/awards/lists_page.py" line="366"/>
        <location filename="../../ui/awards/lists_page.py" line="367"/>
        <source>获奖名单</source>
        <translation>Award lists</translation>
    </message>
    <message>
        <location filename="../../ui/awards/lists_page.py" line="153"/>
        <source>名单</source>
        <translation>List</translation>
    </message>
    <message>
        <location filename="../../ui/awards/lists_page.py" line="154"/>
        <source>组别</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../../ui/awards/lists_page.py" line="155"/>
        <source>名次</source>
        <translation>Rank</translation>
    </message>
    <message>
        <location filename="../../ui/awards/lists_page.py" line="156"/>
        <source>奖项</source>
        <translation>Award</translation>
    </message>
    <message>
        <location filename="../../ui/awards/lists_page.py" line="156"/>
        <source>（撤销）</source>
        <translation>(withdrawn)</translation>
    </message>
    <message>
        <location filename="../../ui/awards/lists_page.py" line="157"/>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../ui/awards/lists_page.py" line="158"/>
        <source>班级</source>
        <translation>Class</translation>
    </message>
    <message>
        <location filename="../../ui/awards/lists_page.py" line="159"/>
        <source>获奖者</source>
        <translation>Winner</translation>
    </message>
    <message>
        <location filename="../../ui/awards/lists_page.py" line="160"/>
        <source>成绩</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../../ui/awards/lists_page.py" line="105"/>
        <location filename="../../ui/awards/lists_page.py" line="162"/>
        <source>推荐</source>
        <translation>Rec.</translation>
    </message>
    <message>
        <location filename="../../ui/awards/lists_page.py" line="98"/>
        <source>调整奖项</source>
        <translation>Change award</translation>
    </message>
    <message>
        <location filename="../../ui/awards/lists_page.py" line="100"/>
        <source>调整选中的奖项…</source>
        <translation>Change the selected award…</translation>
    </message>
    <message>
        <location filename="../../ui/awards/lists_page.py" line="101"/>
        <source>按作品编号给奖或入选…</source>
        <translation>Award or shortlist a work by its number…</translation>
    </message>
    <message>
        <location filename="../../ui/awards/lists_page.py" line="107"/>
        <source>推荐参加上级比赛 / 取消推荐</source>
        <translation>Recommend to the higher level / withdraw</translation>
    </message>
    <message>
        <location filename="../../ui/awards/lists_page.py" line="108"/>
        <source>记录上级比赛结果…</source>
        <translation>Record the higher-level result…</translation>
    </message>
    <message>
        <location filename="../../ui/awards/lists_page.py" line="109"/>
        <source>上级比赛（镇、县、市…）…</source>
        <translation>Contests above the school (town, county, city…)…</translation>
    </message>
    <message>
        <location filename="../../ui/awards/lists_page.py" line="111"/>
        <source>推荐作品造册（Excel）…</source>
        <translation>Register of recommended works (Excel)…</translation>
    </message>
    <message>
        <location filename="../../ui/awards/lists_page.py" line="112"/>
        <source>推荐作品标签（PDF）…</source>
        <translation>Labels of recommended works (PDF)…</translation>
    </message>
    <message>
        <location filename="../../ui/awards/lists_page.py" line="166"/>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/awards/lists_page.py" line="186"/>
        <source>全部名单</source>
        <translation>All lists</translation>
    </message>
    <message>
        <location filename="../../ui/awards/lists_page.py" line="211"/>
        <source>已定稿：{0}</source>
        <translation>Finalised: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/awards/lists_page.py" line="211"/>
        <source>还没有定稿的名单。</source>
        <translation>No list is finalised yet.</translation>
    </message>
    <message>
        <location filename="../../ui/awards/lists_page.py" line="215"/>
        <source>已定稿 {0}&#x3000;校验码 {1}&#x3000;（名单已冻结；要修改请先撤销定稿）</source>
        <translation>Finalised {0}  check code {1}  (frozen; reopen it to change it)</translation>
    </message>
    <message>
        <location filename="../../ui/awards/lists_page.py" line="221"/>
        <source>撤销定稿…</source>
        <translation>Reopen…</translation>
    </message>
    <message>
        <location filename="../../ui/awards/lists_page.py" line="224"/>
        <source>未定稿：可以按规则评奖、手动调整；公示前请定稿。</source>
        <translation>Not finalised: assign by rules, change by hand; finalise before posting.</translation>
    </message>
    <message>
        <location filename="../../ui/awards/lists_page.py" line="228"/>
        <source>暂定：依据的{0}尚未定稿，名单还会变动；它们定稿后才能定稿本名单。</source>
        <translation>Provisional: {0} not finalised yet, so this list may still change; it can be finalised once they are.</translation>
    </message>
    <message>
        <location filename="../../ui/awards/lists_page.py" line="255"/>
        <source>正在按规则评奖…</source>
        <translation>Assigning awards by the rules…</translation>
    </message>
    <message>
        <location filename="../../ui/awards/lists_page.py" line="270"/>
        <source>请先在名单中选中一项奖。</source>
        <translation>Select an award in the list first.</translation>
    </message>
    <message>
        <location filename="../../ui/awards/lists_page.py" line="286"/>
        <source>请先选中一件获奖作品。</source>
        <translation>Select an awarded entry first.</translation>
    </message>
    <message>
        <location filename="../../ui/awards/lists_page.py" line="292"/>
        <location filename="../../ui/awards/lists_page.py" line="302"/>
        <location filename="../../ui/awards/lists_page.py" line="306"/>
        <source>按作品编号给奖</source>
        <translation>Award by work number</translation>
    </message>
    <message>
        <location filename="../../ui/awards/lists_page.py" line="292"/>
        <source>作品编号（如 XZ-0012）：</source>
        <translation>Work number (e.g. XZ-0012):</translation>
    </message>
    <message>
        <location filename="../../ui/awards/lists_page.py" line="300"/>
        <source>不获奖</source>
        <translation>No award</translation>
    </message>
    <message>
        <location filename="../../ui/awards/lists_page.py" line="302"/>
        <source>{0}
奖项：</source>
        <translation>{0}
Award:</translation>
    </message>
    <message>
        <location filename="../../ui/awards/lists_page.py" line="306"/>
        <source>原因（记入修改记录）：</source>
        <translation>Reason (kept in the log):</translation>
    </message>
    <message>
        <location filename="../../ui/awards/lists_page.py" line="316"/>
        <source>请先选中一件已推荐的作品。</source>
        <translation>Select a recommended work first.</translation>
    </message>
    <message>
        <location filename="../../ui/awards/lists_page.py" line="321"/>
        <source>还没有设置上级比赛：请先在“推荐 → 上级比赛…”中按顺序写出上级比赛的名称。</source>
        <translation>No contests above the school are set yet: first name them in order under “Recommend → Contests above the school…”.</translation>
    </message>
    <message>
        <location filename="../../ui/awards/lists_page.py" line="336"/>
        <source>撤销定稿</source>
        <translation>Reopen list</translation>
    </message>
    <message>
        <location filename="../../ui/awards/lists_page.py" line="336"/>
        <source>撤销定稿的原因（记入修改记录）：</source>
        <translation>Reason for reopening (kept in the log):</translation>
    </message>
    <message>
        <location filename="../../ui/awards/lists_page.py" line="344"/>
        <source>定稿「{0}」？定稿后名单和它所依据的成绩都不能再改（需先撤销定稿并写明原因），之后即可公示和打印证书。</source>
        <translation>Finalise “{0}”? Once finalised, neither the list nor the scores it was made from can change (unless it is reopened with a reason); then it can be published and its certificates printed.</translation>
    </message>
    <message>
        <location filename="../../ui/awards/lists_page.py" line="350"/>
        <source>请先确认评奖结果中的特殊情况：</source>
        <translation>Please confirm first what the award rules did here:</translation>
    </message>
    <message>
        <location filename="../../ui/awards/lists_page.py" line="355"/>
        <source>如需调整，请选“否”，再改评奖规则或手动调整。确认无误并定稿？（确认会记入修改记录）</source>
        <translation>To adjust, choose “No” and change the award rules or the awards by hand. Confirm and finalise? (The confirmation goes into the log.)</translation>
    </message>
    <message>
        <location filename="../../ui/awards/lists_page.py" line="368"/>
        <source>班级考核表</source>
        <translation>Class points</translation>
    </message>
    <message>
        <location filename="../../ui/awards/lists_page.py" line="369"/>
        <source>获奖名单核对表</source>
        <translation>Name-check list</translation>
    </message>
    <message>
        <location filename="../../ui/awards/lists_page.py" line="370"/>
        <source>推荐作品造册</source>
        <translation>Register of recommended works</translation>
    </message>
    <message>
        <location filename="../../ui/awards/lists_page.py" line="371"/>
        <source>推荐作品标签</source>
        <translation>Labels of recommended works</translation>
    </message>
    <message>
        <location filename="../../ui/awards/lists_page.py" line="387"/>
        <location filename="../../ui/awards/lists_page.py" line="390"/>
        <source>已生成 {0} 份获奖名单。</source>
        <translation>{0} award list(s) written.</translation>
    </message>
    <message>
        <location filename="../../ui/awards/lists_page.py" line="393"/>
        <source>已生成 {0} 件推荐作品的造册。</source>
        <translation>Register of {0} recommended works written.</translation>
    </message>
    <message>
        <location filename="../../ui/awards/lists_page.py" line="396"/>
        <source>已生成 {0} 张推荐作品标签。</source>
        <translation>{0} labels of recommended works written.</translation>
    </message>
    <message>
        <location filename="../../ui/awards/lists_page.py" line="399"/>
        <source>已生成班级考核表。</source>
        <translation>Class points table written.</translation>
    </message>
    <message>
        <location filename="../../ui/awards/lists_page.py" line="401"/>
        <source>已生成 {0} 个班的核对表，请班主任核对签字。</source>
        <translation>Check lists for {0} classes written; head teachers check and sign them.</translation>
    </message>
    <message>
        <location filename="../../ui/awards/lists_page.py" line="404"/>
        <source>正在生成文件…</source>
        <translation>Writing the file…</translation>
    </message>
</context>
<context>
    <name>AwardLogDialog</name>
    <message>
        <location filename="../../ui/awards/rules_dialog.py" line="344"/>
        <source>奖项修改记录</source>
        <translation>Award log</translation>
    </message>
    <message>
        <location filename="../../ui/awards/rules_dialog.py" line="349"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/awards/rules_dialog.py" line="351"/>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../ui/awards/rules_dialog.py" line="352"/>
        <source>对象</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../../ui/awards/rules_dialog.py" line="353"/>
        <source>原来</source>
        <translation>Was</translation>
    </message>
    <message>
        <location filename="../../ui/awards/rules_dialog.py" line="354"/>
        <source>改为</source>
        <translation>Now</translation>
    </message>
    <message>
        <location filename="../../ui/awards/rules_dialog.py" line="355"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>AwardRulesDialog</name>
    <message>
        <location filename="../../ui/awards/rules_dialog.py" line="77"/>
        <source>评奖规则</source>
        <translation>Award rules</translation>
    </message>
    <message>
        <location filename="../../ui/awards/rules_dialog.py" line="92"/>
        <source>奖项</source>
        <translation>Award</translation>
    </message>
    <message>
        <location filename="../../ui/awards/rules_dialog.py" line="98"/>
        <source>方式</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../../ui/awards/rules_dialog.py" line="104"/>
        <location filename="../../ui/awards/rules_dialog.py" line="107"/>
        <source>数量</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../ui/awards/rules_dialog.py" line="114"/>
        <source>加一行</source>
        <translation>Add row</translation>
    </message>
    <message>
        <location filename="../../ui/awards/rules_dialog.py" line="118"/>
        <source>删去所选行</source>
        <translation>Remove row</translation>
    </message>
    <message>
        <location filename="../../ui/awards/rules_dialog.py" line="120"/>
        <source>恢复默认</source>
        <translation>Use default</translation>
    </message>
    <message>
        <location filename="../../ui/awards/rules_dialog.py" line="122"/>
        <source>保存这条规则</source>
        <translation>Save this rule</translation>
    </message>
    <message>
        <location filename="../../ui/awards/rules_dialog.py" line="127"/>
        <source>每组的奖项（并列的不拆开：同分同奖，后面的奖项相应少评）</source>
        <translation>Awards per group (a tie is never split: equal scores, equal award; the next level has fewer places)</translation>
    </message>
    <message>
        <location filename="../../ui/awards/rules_dialog.py" line="129"/>
        <source>名单</source>
        <translation>List</translation>
    </message>
    <message>
        <location filename="../../ui/awards/rules_dialog.py" line="130"/>
        <source>组别</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../../ui/awards/rules_dialog.py" line="142"/>
        <source>奖项等级（从高到低）</source>
        <translation>Award levels (best first)</translation>
    </message>
    <message>
        <location filename="../../ui/awards/rules_dialog.py" line="147"/>
        <location filename="../../ui/awards/rules_dialog.py" line="150"/>
        <source>班级考核分</source>
        <translation>Class points</translation>
    </message>
    <message>
        <location filename="../../ui/awards/rules_dialog.py" line="158"/>
        <source>加一个等级</source>
        <translation>Add a level</translation>
    </message>
    <message>
        <location filename="../../ui/awards/rules_dialog.py" line="160"/>
        <source>新奖项</source>
        <translation>New level</translation>
    </message>
    <message>
        <location filename="../../ui/awards/rules_dialog.py" line="164"/>
        <source>各比赛获奖积分之和</source>
        <translation>Points from all awards</translation>
    </message>
    <message>
        <location filename="../../ui/awards/rules_dialog.py" line="166"/>
        <source>「{0}」的得分</source>
        <translation>Score in “{0}”</translation>
    </message>
    <message>
        <location filename="../../ui/awards/rules_dialog.py" line="168"/>
        <source>按比例评奖时，人数少的组每个等级至少一名</source>
        <translation>With levels by share, a small group keeps at least one place per level</translation>
    </message>
    <message>
        <location filename="../../ui/awards/rules_dialog.py" line="169"/>
        <source>例如 3 辆车按 10%/20%/30% 评奖：第一名得一等奖，而不是只得二等奖</source>
        <translation>E.g. 3 cars under 10%/20%/30%: the winner gets the first prize, not only the second</translation>
    </message>
    <message>
        <location filename="../../ui/awards/rules_dialog.py" line="180"/>
        <source>任何奖项</source>
        <translation>Any award</translation>
    </message>
    <message>
        <location filename="../../ui/awards/rules_dialog.py" line="182"/>
        <source>{0}及以上</source>
        <translation>{0} or better</translation>
    </message>
    <message>
        <location filename="../../ui/awards/rules_dialog.py" line="187"/>
        <source>{年} 换成科技节的年份，例如 KJJ{年}- 得到 KJJ2026-0001</source>
        <translation>{年} becomes the festival year: KJJ{年}- gives KJJ2026-0001</translation>
    </message>
    <message>
        <location filename="../../ui/awards/rules_dialog.py" line="197"/>
        <source> 分</source>
        <translation> pts</translation>
    </message>
    <message>
        <location filename="../../ui/awards/rules_dialog.py" line="200"/>
        <source>证书日期</source>
        <translation>Certificate date</translation>
    </message>
    <message>
        <location filename="../../ui/awards/rules_dialog.py" line="202"/>
        <source>不勾选时，证书落款为日历上颁奖典礼（或闭幕式）的日期；日历上没有时为科技节最后一天</source>
        <translation>When unticked, certificates bear the day of the award ceremony (or closing ceremony) on the calendar; without one, the festival&apos;s last day</translation>
    </message>
    <message>
        <location filename="../../ui/awards/rules_dialog.py" line="216"/>
        <source>全校设置</source>
        <translation>School settings</translation>
    </message>
    <message>
        <location filename="../../ui/awards/rules_dialog.py" line="226"/>
        <source>班级考核另加</source>
        <translation>Class assessment also adds</translation>
    </message>
    <message>
        <location filename="../../ui/awards/rules_dialog.py" line="228"/>
        <source>集体奖按</source>
        <translation>Collective awards by</translation>
    </message>
    <message>
        <location filename="../../ui/awards/rules_dialog.py" line="229"/>
        <source>优秀组织奖：参与率不低于</source>
        <translation>Organisation award: participation at least</translation>
    </message>
    <message>
        <location filename="../../ui/awards/rules_dialog.py" line="230"/>
        <source>科技辅导员奖</source>
        <translation>Advisor award</translation>
    </message>
    <message>
        <location filename="../../ui/awards/rules_dialog.py" line="231"/>
        <source>辅导员奖要求学生获得</source>
        <translation>Advisor award needs a student with</translation>
    </message>
    <message>
        <location filename="../../ui/awards/rules_dialog.py" line="235"/>
        <source>证书编号前缀 / 序号位数</source>
        <translation>Number prefix / digits</translation>
    </message>
    <message>
        <location filename="../../ui/awards/rules_dialog.py" line="270"/>
        <source>所有组别</source>
        <translation>Every group</translation>
    </message>
</context>
<context>
    <name>AwardsTab</name>
    <message>
        <location filename="../../ui/awards/tab.py" line="27"/>
        <source>获奖名单</source>
        <translation>Award lists</translation>
    </message>
    <message>
        <location filename="../../ui/awards/tab.py" line="28"/>
        <source>打印证书</source>
        <translation>Print certificates</translation>
    </message>
    <message>
        <location filename="../../ui/awards/tab.py" line="29"/>
        <source>证书模板</source>
        <translation>Templates</translation>
    </message>
    <message>
        <location filename="../../ui/awards/tab.py" line="30"/>
        <source>证书登记与查询</source>
        <translation>Register and lookup</translation>
    </message>
</context>
<context>
    <name>BoardControls</name>
    <message>
        <location filename="../../ui/scoring/board_controls.py" line="24"/>
        <source>排行榜显示在哪个屏幕（投影仪）</source>
        <translation>Screen (projector) for the leaderboard</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/board_controls.py" line="25"/>
        <source>投影排行榜</source>
        <translation>Leaderboard</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/board_controls.py" line="28"/>
        <source>只显示名次，不显示分数</source>
        <translation>Show order only, no scores</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/board_controls.py" line="30"/>
        <source>显示未评完的分数</source>
        <translation>Show unfinished scores</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/board_controls.py" line="31"/>
        <source>默认只显示“评分中”：一两位评委的分数不是结果，不给全场看。</source>
        <translation>By default only “being scored” is shown: one or two judges’ points are not a result for the hall.</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/board_controls.py" line="33"/>
        <location filename="../../ui/scoring/board_controls.py" line="100"/>
        <source>暂不公布</source>
        <translation>Hold back</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/board_controls.py" line="36"/>
        <source>颁奖揭晓模式</source>
        <translation>Ceremony reveal</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/board_controls.py" line="39"/>
        <source>下一步 →</source>
        <translation>Next →</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/board_controls.py" line="41"/>
        <source>关闭排行榜</source>
        <translation>Close leaderboard</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/board_controls.py" line="45"/>
        <source>排行榜：</source>
        <translation>Leaderboard:</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/board_controls.py" line="65"/>
        <source>屏幕{0}（{1}×{2}）</source>
        <translation>Screen {0} ({1}×{2})</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/board_controls.py" line="100"/>
        <source>公布</source>
        <translation>Announce</translation>
    </message>
</context>
<context>
    <name>BoardRow</name>
    <message>
        <location filename="../../ui/scoring/leaderboard.py" line="92"/>
        <source>评分中 {0}/{1}</source>
        <translation>Scoring {0}/{1}</translation>
    </message>
</context>
<context>
    <name>CalendarTab</name>
    <message>
        <location filename="../../ui/calendar/tab.py" line="74"/>
        <source>新建活动</source>
        <translation>New activity</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/tab.py" line="77"/>
        <source>修改</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/tab.py" line="79"/>
        <source>复制</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/tab.py" line="81"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/tab.py" line="83"/>
        <source>撤销删除</source>
        <translation>Undo delete</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/tab.py" line="88"/>
        <source>月</source>
        <translation>Month</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/tab.py" line="88"/>
        <source>周</source>
        <translation>Week</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/tab.py" line="88"/>
        <source>日程</source>
        <translation>List</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/tab.py" line="96"/>
        <source>今天</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/tab.py" line="105"/>
        <source>全部类别</source>
        <translation>All kinds</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/tab.py" line="113"/>
        <location filename="../../ui/calendar/tab.py" line="478"/>
        <source>导出日程</source>
        <translation>Export schedule</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/tab.py" line="116"/>
        <source>活动安排表（PDF，打印张贴）…</source>
        <translation>Schedule (PDF, to print and post)…</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/tab.py" line="117"/>
        <source>活动安排表（Excel）…</source>
        <translation>Schedule (Excel)…</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/tab.py" line="118"/>
        <source>日历文件（.ics，导入手机或电脑日历）…</source>
        <translation>Calendar file (.ics, for phone or PC calendars)…</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/tab.py" line="186"/>
        <source>筛选：</source>
        <translation>Filter:</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/tab.py" line="245"/>
        <source>全部地点</source>
        <translation>All places</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/tab.py" line="251"/>
        <source>全部参加对象</source>
        <translation>All audiences</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/tab.py" line="263"/>
        <source>今日</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/tab.py" line="264"/>
        <source>明日</source>
        <translation>Tomorrow</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/tab.py" line="266"/>
        <source>{0}&#x3000;{1}月{2}日</source>
        <translation>{0}  {1}/{2}</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/tab.py" line="274"/>
        <source>没有安排</source>
        <translation>Nothing planned</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/tab.py" line="276"/>
        <source>冲突（{0}）</source>
        <translation>Clashes ({0})</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/tab.py" line="279"/>
        <source>已确认保留：{0}</source>
        <translation>Kept on purpose: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/tab.py" line="289"/>
        <source>没有冲突</source>
        <translation>No clashes</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/tab.py" line="293"/>
        <source>⚠ {0}</source>
        <translation>⚠ {0}</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/tab.py" line="312"/>
        <source>显示 {0} / {1} 项</source>
        <translation>Showing {0} / {1}</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/tab.py" line="340"/>
        <source>{0}月{1}日 – {2}月{3}日</source>
        <translation>{0}/{1} – {2}/{3}</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/tab.py" line="343"/>
        <source>{0}年{1}月</source>
        <translation>{1}/{0}</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/tab.py" line="345"/>
        <source>全部日程</source>
        <translation>All activities</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/tab.py" line="399"/>
        <source>「{0}」来自比赛项目：请在“作品报名 → 比赛项目”中修改截止日期或评审日期。</source>
        <translation>“{0}” comes from a competition: change its deadline or judging date under Entries → Competitions.</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/tab.py" line="436"/>
        <source>恢复「{0}」</source>
        <translation>Restore “{0}”</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/tab.py" line="458"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/tab.py" line="459"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/tab.py" line="461"/>
        <source>活动内容</source>
        <translation>Activity</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/tab.py" line="463"/>
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/tab.py" line="464"/>
        <source>地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/tab.py" line="465"/>
        <source>负责人</source>
        <translation>Responsible</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/tab.py" line="466"/>
        <source>参加对象</source>
        <translation>Audience</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/tab.py" line="473"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/tab.py" line="474"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/tab.py" line="475"/>
        <source>日历文件 (*.ics)</source>
        <translation>Calendar files (*.ics)</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/tab.py" line="489"/>
        <source>已导出 {0} 项活动。</source>
        <translation>{0} activities exported.</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/tab.py" line="490"/>
        <source>正在导出日程…</source>
        <translation>Exporting the schedule…</translation>
    </message>
</context>
<context>
    <name>CalendarView</name>
    <message>
        <location filename="../../ui/calendar/views.py" line="134"/>
        <source>周一</source>
        <translation>Mon</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/views.py" line="135"/>
        <source>周二</source>
        <translation>Tue</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/views.py" line="136"/>
        <source>周三</source>
        <translation>Wed</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/views.py" line="137"/>
        <source>周四</source>
        <translation>Thu</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/views.py" line="138"/>
        <source>周五</source>
        <translation>Fri</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/views.py" line="139"/>
        <source>周六</source>
        <translation>Sat</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/views.py" line="140"/>
        <source>周日</source>
        <translation>Sun</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/views.py" line="146"/>
        <source>地点：{0}</source>
        <translation>Place: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/views.py" line="148"/>
        <source>负责：{0}</source>
        <translation>Responsible: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/views.py" line="149"/>
        <source>参加对象：{0}</source>
        <translation>Audience: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/views.py" line="151"/>
        <source>⚠ 有冲突，见右侧“冲突”列表</source>
        <translation>⚠ Clashes: see the list on the right</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/views.py" line="153"/>
        <source>（来自比赛项目，在“作品报名 → 比赛项目”中修改）</source>
        <translation>(from a competition; change it under Entries → Competitions)</translation>
    </message>
</context>
<context>
    <name>CalibrationDialog</name>
    <message>
        <location filename="../../ui/awards/calibration_dialog.py" line="44"/>
        <source>打印机校准</source>
        <translation>Printer calibration</translation>
    </message>
    <message>
        <location filename="../../ui/awards/calibration_dialog.py" line="60"/>
        <source>清除这台打印机的校准</source>
        <translation>Clear this printer&apos;s calibration</translation>
    </message>
    <message>
        <location filename="../../ui/awards/calibration_dialog.py" line="65"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/awards/calibration_dialog.py" line="66"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/awards/calibration_dialog.py" line="71"/>
        <source>打印机</source>
        <translation>Printer</translation>
    </message>
    <message>
        <location filename="../../ui/awards/calibration_dialog.py" line="72"/>
        <source>横尺 0 到 {0} 量得（毫米）</source>
        <translation>Across ruler, 0 to {0}, measured (mm)</translation>
    </message>
    <message>
        <location filename="../../ui/awards/calibration_dialog.py" line="73"/>
        <source>纸的左边缘到横尺 0（毫米）</source>
        <translation>Paper&apos;s left edge to the across ruler&apos;s 0 (mm)</translation>
    </message>
    <message>
        <location filename="../../ui/awards/calibration_dialog.py" line="74"/>
        <source>竖尺 0 到 {0} 量得（毫米）</source>
        <translation>Down ruler, 0 to {0}, measured (mm)</translation>
    </message>
    <message>
        <location filename="../../ui/awards/calibration_dialog.py" line="75"/>
        <source>纸的上边缘到竖尺 0（毫米）</source>
        <translation>Paper&apos;s top edge to the down ruler&apos;s 0 (mm)</translation>
    </message>
    <message>
        <location filename="../../ui/awards/calibration_dialog.py" line="78"/>
        <source>先用这台打印机按“实际大小”打印校准页，再用直尺量出下面四个数。保存后，这台打印机打印的证书会自动校正位置和缩放。</source>
        <translation>First print the calibration page on this printer at &quot;Actual size&quot;, then measure the four figures below with a ruler. Once saved, certificates printed on this printer are corrected for position and scale.</translation>
    </message>
    <message>
        <location filename="../../ui/awards/calibration_dialog.py" line="102"/>
        <source>未校准（按 100% 从纸角打印）</source>
        <translation>Not calibrated (printed at 100 % from the paper&apos;s corner)</translation>
    </message>
    <message>
        <location filename="../../ui/awards/calibration_dialog.py" line="103"/>
        <source>偏移 X {0} 毫米、Y {1} 毫米，缩放 横 {2}%、竖 {3}%</source>
        <translation>Offset X {0} mm, Y {1} mm; scale across {2} %, down {3} %</translation>
    </message>
    <message>
        <location filename="../../ui/awards/calibration_dialog.py" line="114"/>
        <source>当前：{0}</source>
        <translation>Now: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/awards/calibration_dialog.py" line="131"/>
        <source>保存后：{0}</source>
        <translation>After saving: {0}</translation>
    </message>
</context>
<context>
    <name>ChecklistModel</name>
    <message>
        <location filename="../../ui/practice/checklist.py" line="73"/>
        <source>学号</source>
        <translation>Student no.</translation>
    </message>
    <message>
        <location filename="../../ui/practice/checklist.py" line="75"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/practice/checklist.py" line="78"/>
        <source>完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ui/practice/checklist.py" line="82"/>
        <source>{0}：已完成 {1}/{2} 人。点列标题选中整列，按空格键全部勾选或全部取消。</source>
        <translation>{0}: done by {1}/{2}. Click the column heading to select the whole column, then press Space to tick or untick it all.</translation>
    </message>
    <message>
        <location filename="../../ui/practice/checklist.py" line="99"/>
        <source>已完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ui/practice/checklist.py" line="99"/>
        <source>未完成</source>
        <translation>incomplete</translation>
    </message>
</context>
<context>
    <name>ClassesPage</name>
    <message>
        <location filename="../../ui/settings/school_pages.py" line="113"/>
        <source>添加年级</source>
        <translation>Add grade</translation>
    </message>
    <message>
        <location filename="../../ui/settings/school_pages.py" line="115"/>
        <location filename="../../ui/settings/school_pages.py" line="206"/>
        <source>删除年级</source>
        <translation>Delete grade</translation>
    </message>
    <message>
        <location filename="../../ui/settings/school_pages.py" line="116"/>
        <source>添加班级…</source>
        <translation>Add class…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/school_pages.py" line="117"/>
        <location filename="../../ui/settings/school_pages.py" line="222"/>
        <source>删除班级</source>
        <translation>Delete class</translation>
    </message>
    <message>
        <location filename="../../ui/settings/school_pages.py" line="126"/>
        <source>年级（学部由年级自动确定；年级名称可直接修改，如“初一”改为“七年级”）</source>
        <translation>Grades (the section follows from the grade; a grade&apos;s name can be edited, e.g. 初一 to 七年级)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/school_pages.py" line="132"/>
        <source>班级（双击班号或班主任可修改）</source>
        <translation>Classes (double-click the number or head teacher to change it)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/school_pages.py" line="145"/>
        <location filename="../../ui/settings/school_pages.py" line="162"/>
        <source>学部</source>
        <translation>Section</translation>
    </message>
    <message>
        <location filename="../../ui/settings/school_pages.py" line="147"/>
        <location filename="../../ui/settings/school_pages.py" line="163"/>
        <source>年级</source>
        <translation>Grade</translation>
    </message>
    <message>
        <location filename="../../ui/settings/school_pages.py" line="152"/>
        <source>班级数</source>
        <translation>Classes</translation>
    </message>
    <message>
        <location filename="../../ui/settings/school_pages.py" line="153"/>
        <location filename="../../ui/settings/school_pages.py" line="172"/>
        <source>学生数</source>
        <translation>Students</translation>
    </message>
    <message>
        <location filename="../../ui/settings/school_pages.py" line="158"/>
        <location filename="../../ui/settings/school_pages.py" line="164"/>
        <source>班号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/school_pages.py" line="165"/>
        <source>班级</source>
        <translation>Class</translation>
    </message>
    <message>
        <location filename="../../ui/settings/school_pages.py" line="167"/>
        <source>班主任</source>
        <translation>Head teacher</translation>
    </message>
    <message>
        <location filename="../../ui/settings/school_pages.py" line="170"/>
        <source>（未指定）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/school_pages.py" line="203"/>
        <source>删除“{0}”及其 {1} 个班级、{2} 名学生？此操作不能撤销。</source>
        <translation>Delete “{0}” with its {1} classes and {2} students? This cannot be undone.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/school_pages.py" line="221"/>
        <source>删除{0}及其 {1} 名学生？此操作不能撤销。</source>
        <translation>Delete {0} with its {1} students? This cannot be undone.</translation>
    </message>
</context>
<context>
    <name>CompetitionsPage</name>
    <message>
        <location filename="../../ui/registration/competitions_page.py" line="81"/>
        <source>添加预设项目</source>
        <translation>Add a preset</translation>
    </message>
    <message>
        <location filename="../../ui/registration/competitions_page.py" line="85"/>
        <source>新建空白项目</source>
        <translation>New blank competition</translation>
    </message>
    <message>
        <location filename="../../ui/registration/competitions_page.py" line="87"/>
        <source>删除项目</source>
        <translation>Delete competition</translation>
    </message>
    <message>
        <location filename="../../ui/registration/competitions_page.py" line="107"/>
        <source>一名学生在这个比赛项目里最多可以报几件作品</source>
        <translation>How many works one student may enter in this competition</translation>
    </message>
    <message>
        <location filename="../../ui/registration/competitions_page.py" line="108"/>
        <source>可与家长合作</source>
        <translation>May work with a parent</translation>
    </message>
    <message>
        <location filename="../../ui/registration/competitions_page.py" line="113"/>
        <location filename="../../ui/registration/competitions_page.py" line="116"/>
        <source>不限</source>
        <translation>No limit</translation>
    </message>
    <message>
        <location filename="../../ui/registration/competitions_page.py" line="117"/>
        <source>截止日期</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../ui/registration/competitions_page.py" line="119"/>
        <source>评审日期</source>
        <translation>Judging date</translation>
    </message>
    <message>
        <location filename="../../ui/registration/competitions_page.py" line="121"/>
        <source>制作与检查从</source>
        <translation>Made and inspected from</translation>
    </message>
    <message>
        <location filename="../../ui/registration/competitions_page.py" line="123"/>
        <source>班级板报在这段时间内制作，评委在这段时间内现场检查打分；到截止日期结束</source>
        <translation>Class boards are made in this window and inspected by the judges on site; it ends on the deadline</translation>
    </message>
    <message>
        <location filename="../../ui/registration/competitions_page.py" line="127"/>
        <source>用顿号隔开，如 小制作、小发明</source>
        <translation>Separate with 、, e.g. 小制作、小发明</translation>
    </message>
    <message>
        <location filename="../../ui/registration/competitions_page.py" line="137"/>
        <source>越大越好（如距离）</source>
        <translation>Higher is better (e.g. distance)</translation>
    </message>
    <message>
        <location filename="../../ui/registration/competitions_page.py" line="138"/>
        <source>越小越好（如用时）</source>
        <translation>Lower is better (e.g. time)</translation>
    </message>
    <message>
        <location filename="../../ui/registration/competitions_page.py" line="141"/>
        <source>从纸质评分表录入时，两人分别录入一遍，核对一致才计分</source>
        <translation>When typing paper sheets, two people each enter them once; a score counts when both agree</translation>
    </message>
    <message>
        <location filename="../../ui/registration/competitions_page.py" line="146"/>
        <source>某位评委的总分与其他评委的中位数相差超过满分的这个比例时，提示复核</source>
        <translation>Flag a judge whose total differs from the panel&apos;s median by more than this share of the maximum</translation>
    </message>
    <message>
        <location filename="../../ui/registration/competitions_page.py" line="151"/>
        <source>每班</source>
        <translation>Per class</translation>
    </message>
    <message>
        <location filename="../../ui/registration/competitions_page.py" line="153"/>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../ui/registration/competitions_page.py" line="155"/>
        <location filename="../../ui/registration/competitions_page.py" line="177"/>
        <source>件</source>
        <translation>entries</translation>
    </message>
    <message>
        <location filename="../../ui/registration/competitions_page.py" line="171"/>
        <source>每队最多</source>
        <translation>Team of at most</translation>
    </message>
    <message>
        <location filename="../../ui/registration/competitions_page.py" line="173"/>
        <source>人</source>
        <translation>students</translation>
    </message>
    <message>
        <location filename="../../ui/registration/competitions_page.py" line="175"/>
        <source>每人最多报</source>
        <translation>Works per student, at most</translation>
    </message>
    <message>
        <location filename="../../ui/registration/competitions_page.py" line="181"/>
        <source>参赛规则（修改后自动保存）</source>
        <translation>Rules of entry (saved as you edit)</translation>
    </message>
    <message>
        <location filename="../../ui/registration/competitions_page.py" line="183"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/registration/competitions_page.py" line="184"/>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../ui/registration/competitions_page.py" line="185"/>
        <source>作品编号前缀</source>
        <translation>Entry number prefix</translation>
    </message>
    <message>
        <location filename="../../ui/registration/competitions_page.py" line="186"/>
        <source>参赛方式</source>
        <translation>Who enters</translation>
    </message>
    <message>
        <location filename="../../ui/registration/competitions_page.py" line="187"/>
        <source>都不勾选表示全校各年级都可参加</source>
        <translation>None ticked: every grade of the school may enter</translation>
    </message>
    <message>
        <location filename="../../ui/registration/competitions_page.py" line="190"/>
        <source>参赛年级</source>
        <translation>Grades</translation>
    </message>
    <message>
        <location filename="../../ui/registration/competitions_page.py" line="191"/>
        <source>名额</source>
        <translation>Quota</translation>
    </message>
    <message>
        <location filename="../../ui/registration/competitions_page.py" line="196"/>
        <source>作品类型</source>
        <translation>Type of work</translation>
    </message>
    <message>
        <location filename="../../ui/registration/competitions_page.py" line="197"/>
        <source>负责人</source>
        <translation>Responsible</translation>
    </message>
    <message>
        <location filename="../../ui/registration/competitions_page.py" line="199"/>
        <source>评审方式</source>
        <translation>Judging</translation>
    </message>
    <message>
        <location filename="../../ui/registration/competitions_page.py" line="201"/>
        <source>评审</source>
        <translation>Judged by</translation>
    </message>
    <message>
        <location filename="../../ui/registration/competitions_page.py" line="202"/>
        <source>结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../ui/registration/competitions_page.py" line="203"/>
        <source>评委分合成</source>
        <translation>Combining judges&apos; scores</translation>
    </message>
    <message>
        <location filename="../../ui/registration/competitions_page.py" line="204"/>
        <source>去高低分至少需评委</source>
        <translation>Judges needed to drop high and low</translation>
    </message>
    <message>
        <location filename="../../ui/registration/competitions_page.py" line="205"/>
        <source>测量试次</source>
        <translation>Attempts</translation>
    </message>
    <message>
        <location filename="../../ui/registration/competitions_page.py" line="206"/>
        <source>计量单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../ui/registration/competitions_page.py" line="207"/>
        <source>成绩</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../ui/registration/competitions_page.py" line="208"/>
        <source>排名范围</source>
        <translation>Ranked within</translation>
    </message>
    <message>
        <location filename="../../ui/registration/competitions_page.py" line="210"/>
        <source>先比</source>
        <translation>first by</translation>
    </message>
    <message>
        <location filename="../../ui/registration/competitions_page.py" line="212"/>
        <source>再比</source>
        <translation>then by</translation>
    </message>
    <message>
        <location filename="../../ui/registration/competitions_page.py" line="215"/>
        <source>同分时</source>
        <translation>On equal scores</translation>
    </message>
    <message>
        <location filename="../../ui/registration/competitions_page.py" line="216"/>
        <source>评委分偏离提示</source>
        <translation>Outlying judge warning</translation>
    </message>
    <message>
        <location filename="../../ui/registration/competitions_page.py" line="217"/>
        <source>双人核对</source>
        <translation>Double entry</translation>
    </message>
    <message>
        <location filename="../../ui/registration/competitions_page.py" line="300"/>
        <location filename="../../ui/registration/competitions_page.py" line="444"/>
        <source>{0}（{1} 件）</source>
        <translation>{0} ({1} entries)</translation>
    </message>
    <message>
        <location filename="../../ui/registration/competitions_page.py" line="314"/>
        <source>科技节计划中的比赛</source>
        <translation>Competitions of the festival plans</translation>
    </message>
    <message>
        <location filename="../../ui/registration/competitions_page.py" line="315"/>
        <source>计划中提到的其他比赛</source>
        <translation>Other competitions the plans name</translation>
    </message>
    <message>
        <location filename="../../ui/registration/competitions_page.py" line="316"/>
        <source>教师比赛</source>
        <translation>Teachers&apos; contests</translation>
    </message>
    <message>
        <location filename="../../ui/registration/competitions_page.py" line="388"/>
        <source>（不比）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../ui/registration/competitions_page.py" line="463"/>
        <source>新比赛项目</source>
        <translation>New competition</translation>
    </message>
    <message>
        <location filename="../../ui/registration/competitions_page.py" line="465"/>
        <source>新比赛项目{0}</source>
        <translation>New competition {0}</translation>
    </message>
    <message>
        <location filename="../../ui/registration/competitions_page.py" line="478"/>
        <source>删除比赛项目「{0}」？</source>
        <translation>Delete the competition “{0}”?</translation>
    </message>
    <message>
        <location filename="../../ui/registration/competitions_page.py" line="480"/>
        <source>它的 {0} 件作品也会一起删除。</source>
        <translation> Its {0} entries will be deleted with it.</translation>
    </message>
    <message>
        <location filename="../../ui/registration/competitions_page.py" line="481"/>
        <source>删除比赛项目</source>
        <translation>Delete competition</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <location filename="../../ui/scoring/phones.py" line="446"/>
        <source>核对不同的分数</source>
        <translation>Settle differing scores</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/phones.py" line="448"/>
        <source>评委在手机上评的分数与电脑上已录入的不同。请核对纸质评分表后选择保留哪一个。</source>
        <translation>A judge&apos;s score from the phone differs from the one already typed at this PC. Check the paper sheet, then choose which to keep.</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/phones.py" line="454"/>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/phones.py" line="455"/>
        <source>作品</source>
        <translation>Entry</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/phones.py" line="456"/>
        <source>评委</source>
        <translation>Judge</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/phones.py" line="457"/>
        <source>评分项</source>
        <translation>Criterion</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/phones.py" line="458"/>
        <source>手机上</source>
        <translation>On the phone</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/phones.py" line="459"/>
        <source>电脑上</source>
        <translation>At the PC</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/phones.py" line="460"/>
        <source>收到</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/phones.py" line="467"/>
        <source>用手机上的</source>
        <translation>Use the phone&apos;s</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/phones.py" line="469"/>
        <source>保留电脑上的</source>
        <translation>Keep the PC&apos;s</translation>
    </message>
</context>
<context>
    <name>CriteriaBox</name>
    <message>
        <location filename="../../ui/registration/criteria_box.py" line="33"/>
        <source>评分项（双击修改）</source>
        <translation>Criteria (double-click to edit)</translation>
    </message>
    <message>
        <location filename="../../ui/registration/criteria_box.py" line="40"/>
        <source>添加评分项</source>
        <translation>Add criterion</translation>
    </message>
    <message>
        <location filename="../../ui/registration/criteria_box.py" line="42"/>
        <source>添加扣分项</source>
        <translation>Add deduction</translation>
    </message>
    <message>
        <location filename="../../ui/registration/criteria_box.py" line="44"/>
        <source>删除评分项</source>
        <translation>Delete criterion</translation>
    </message>
    <message>
        <location filename="../../ui/registration/criteria_box.py" line="64"/>
        <source>满分合计 {0:g} 分</source>
        <translation>Total {0:g} points</translation>
    </message>
    <message>
        <location filename="../../ui/registration/criteria_box.py" line="66"/>
        <source>，另有 {0} 个扣分项</source>
        <translation>, plus {0} deduction items</translation>
    </message>
    <message>
        <location filename="../../ui/registration/criteria_box.py" line="72"/>
        <location filename="../../ui/registration/criteria_box.py" line="121"/>
        <source>评分项</source>
        <translation>Criterion</translation>
    </message>
    <message>
        <location filename="../../ui/registration/criteria_box.py" line="77"/>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../ui/registration/criteria_box.py" line="83"/>
        <source>满分（扣分上限）</source>
        <translation>Maximum (deduction cap)</translation>
    </message>
    <message>
        <location filename="../../ui/registration/criteria_box.py" line="86"/>
        <source>满分</source>
        <translation>Maximum</translation>
    </message>
    <message>
        <location filename="../../ui/registration/criteria_box.py" line="92"/>
        <source>步长（每处扣分）</source>
        <translation>Step (points per case)</translation>
    </message>
    <message>
        <location filename="../../ui/registration/criteria_box.py" line="94"/>
        <source>步长</source>
        <translation>Step</translation>
    </message>
    <message>
        <location filename="../../ui/registration/criteria_box.py" line="99"/>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/registration/criteria_box.py" line="121"/>
        <source>扣分项</source>
        <translation>Deduction</translation>
    </message>
</context>
<context>
    <name>DataPage</name>
    <message>
        <location filename="../../ui/settings/data_page.py" line="75"/>
        <source>界面语言</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <location filename="../../ui/settings/data_page.py" line="83"/>
        <source>数据位置</source>
        <translation>Data location</translation>
    </message>
    <message>
        <location filename="../../ui/settings/data_page.py" line="94"/>
        <source>便携模式：数据、备份和设置都保存在程序旁边的文件夹中。</source>
        <translation>Portable mode: data, backups and settings are kept in a folder beside the program.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/data_page.py" line="95"/>
        <source>所有修改都会立即保存到数据文件中，无需手动保存。</source>
        <translation>Every change is saved to the data file at once; there is nothing to save by hand.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/data_page.py" line="119"/>
        <source>备份与恢复</source>
        <translation>Backup and restore</translation>
    </message>
    <message>
        <location filename="../../ui/settings/data_page.py" line="124"/>
        <source>现在使用的是服务器上的数据库，请由学校的信息技术老师在服务器上备份（pg_dump）。</source>
        <translation>This is a database on a server: the school&apos;s IT teacher backs it up on the server (pg_dump).</translation>
    </message>
    <message>
        <location filename="../../ui/settings/data_page.py" line="131"/>
        <source>每次打开数据文件时、导入花名册/报名表/评分表和删除比赛、班级、科技节之前，程序都会自动备份一次，保存在「{0}」。</source>
        <translation>A backup is made automatically each time the data file is opened, and before importing a roster, entry forms or score sheets and before deleting a competition, class or festival. Backups are kept in &quot;{0}&quot;.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/data_page.py" line="139"/>
        <source> 个</source>
        <translation> backups</translation>
    </message>
    <message>
        <location filename="../../ui/settings/data_page.py" line="142"/>
        <source>保留最近的自动备份</source>
        <translation>Keep the latest automatic backups</translation>
    </message>
    <message>
        <location filename="../../ui/settings/data_page.py" line="57"/>
        <source>备份时间</source>
        <translation>Made at</translation>
    </message>
    <message>
        <location filename="../../ui/settings/data_page.py" line="58"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/settings/data_page.py" line="59"/>
        <source>大小</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../ui/settings/data_page.py" line="80"/>
        <source>移到其他位置…</source>
        <translation>Move elsewhere…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/data_page.py" line="86"/>
        <source>如果这台电脑装有还原卡或“冰点还原”，重启后 C 盘会被还原：数据文件必须放在不会被还原的盘上（例如 D 盘），否则重启后数据会丢失。要换位置，点“移到其他位置…”。</source>
        <translation>If this PC has a restore card or restore software (Deep Freeze), drive C: is reset at every restart: the data file must be on a drive that is not reset (such as D:), or the data is lost at the next restart. To move it, click “Move elsewhere…”.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/data_page.py" line="153"/>
        <source>立即备份</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <location filename="../../ui/settings/data_page.py" line="154"/>
        <source>备份到文件…</source>
        <translation>Back up to file…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/data_page.py" line="155"/>
        <source>用选中的备份恢复…</source>
        <translation>Restore selected backup…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/data_page.py" line="156"/>
        <source>从文件恢复…</source>
        <translation>Restore from file…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/data_page.py" line="157"/>
        <source>打开备份文件夹</source>
        <translation>Open backup folder</translation>
    </message>
    <message>
        <location filename="../../ui/settings/data_page.py" line="192"/>
        <source>备份到文件</source>
        <translation>Back up to file</translation>
    </message>
    <message>
        <location filename="../../ui/settings/data_page.py" line="192"/>
        <source>科技节数据文件 (*.db)</source>
        <translation>Festival data files (*.db)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/data_page.py" line="192"/>
        <source>科技节备份</source>
        <translation>festival backup</translation>
    </message>
    <message>
        <location filename="../../ui/settings/data_page.py" line="186"/>
        <source>已备份。</source>
        <translation>Backed up.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/data_page.py" line="179"/>
        <location filename="../../ui/settings/data_page.py" line="187"/>
        <source>正在备份…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/data_page.py" line="200"/>
        <source>请先在列表中选中一个备份。</source>
        <translation>Select a backup in the list first.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/data_page.py" line="206"/>
        <source>选择备份文件</source>
        <translation>Choose a backup file</translation>
    </message>
    <message>
        <location filename="../../ui/settings/data_page.py" line="206"/>
        <source>科技节数据文件 (*.db);;所有文件 (*)</source>
        <translation>Festival data files (*.db);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/data_page.py" line="217"/>
        <source>注意：备份中的科技节与现在的不同，恢复后现在的数据会被全部替换。

</source>
        <translation>Note: the festivals in the backup differ from those now; after restoring, all of today&apos;s data is replaced.

</translation>
    </message>
    <message>
        <location filename="../../ui/settings/data_page.py" line="222"/>
        <source>{0}用这个备份替换现在的全部数据吗？

{1}
{2}

现在的数据会先自动备份（原因“恢复前”），恢复后仍可找回。</source>
        <translation>{0}Replace all current data with this backup?

{1}
{2}

The current data is backed up first (reason “before restore”) and can be brought back after restoring.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/data_page.py" line="225"/>
        <source>恢复备份</source>
        <translation>Restore backup</translation>
    </message>
    <message>
        <location filename="../../ui/settings/data_page.py" line="227"/>
        <source>正在恢复备份…</source>
        <translation>Restoring the backup…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/data_page.py" line="237"/>
        <source>多台电脑同时评分（服务器数据库）</source>
        <translation>Several PCs scoring at once (server database)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/data_page.py" line="240"/>
        <source>测试连接</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <location filename="../../ui/settings/data_page.py" line="242"/>
        <source>使用这个服务器</source>
        <translation>Use this server</translation>
    </message>
    <message>
        <location filename="../../ui/settings/data_page.py" line="244"/>
        <source>改回本机数据文件</source>
        <translation>Back to the local data file</translation>
    </message>
    <message>
        <location filename="../../ui/settings/data_page.py" line="254"/>
        <source>一台电脑时不需要服务器。若要几台电脑同时为同一个科技节评分，请信息技术老师在学校的一台电脑上安装 PostgreSQL，并在这里填写地址；每台电脑都填同一个地址，重新启动程序后生效。</source>
        <translation>One PC needs no server. For several PCs to score one festival at once, the IT teacher installs PostgreSQL on one school computer; enter its address here on every PC. It takes effect after a restart.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/data_page.py" line="271"/>
        <source>地址应以 postgresql:// 开头，例如 {0}</source>
        <translation>The address should start with postgresql://, for example {0}</translation>
    </message>
    <message>
        <location filename="../../ui/settings/data_page.py" line="277"/>
        <source>连接失败：{0}</source>
        <translation>Connection failed: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/settings/data_page.py" line="283"/>
        <source>连接成功，服务器上有 {0} 个科技节。</source>
        <translation>Connected: the server holds {0} festival(s).</translation>
    </message>
    <message>
        <location filename="../../ui/settings/data_page.py" line="289"/>
        <location filename="../../ui/settings/data_page.py" line="322"/>
        <source>重新启动程序后生效。</source>
        <translation>Takes effect after a restart.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/data_page.py" line="294"/>
        <source>重新启动程序后使用本机数据文件。</source>
        <translation>The local data file is used after a restart.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/data_page.py" line="297"/>
        <source>选择新的数据文件夹（不会被还原的盘，例如 D 盘）</source>
        <translation>Choose the new data folder (on a drive that is not reset, such as D:)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/data_page.py" line="306"/>
        <source>「{0}」里已经有一个数据文件，请另选一个文件夹。</source>
        <translation>“{0}” already holds a data file; choose another folder.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/data_page.py" line="309"/>
        <source>正在复制数据文件…</source>
        <translation>Copying the data file…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/data_page.py" line="315"/>
        <source>数据已复制到「{0}」。重新启动程序后使用新位置；原来的文件保留不动。</source>
        <translation>The data was copied to “{0}”. The new place is used from the next start; the old file stays as it is.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/data_page.py" line="328"/>
        <source>无法保存设置：{0}</source>
        <translation>Cannot save the settings: {0}</translation>
    </message>
</context>
<context>
    <name>DesignGallery</name>
    <message>
        <location filename="../../ui/awards/design_gallery.py" line="41"/>
        <source>白纸（无样式）</source>
        <translation>Plain paper (no design)</translation>
    </message>
    <message>
        <location filename="../../ui/awards/design_gallery.py" line="45"/>
        <source>不画边框：用于套打（印好的奖状纸）或自己的底图</source>
        <translation>No border: for printing onto pre-printed certificate paper, or on your own background</translation>
    </message>
</context>
<context>
    <name>DistrictColumnsDialog</name>
    <message>
        <location filename="../../ui/summary/district_dialog.py" line="41"/>
        <source>调整上报表的列</source>
        <translation>Columns of the district list</translation>
    </message>
    <message>
        <location filename="../../ui/summary/district_dialog.py" line="50"/>
        <source>上移</source>
        <translation>Move up</translation>
    </message>
    <message>
        <location filename="../../ui/summary/district_dialog.py" line="52"/>
        <source>下移</source>
        <translation>Move down</translation>
    </message>
    <message>
        <location filename="../../ui/summary/district_dialog.py" line="55"/>
        <source>例如 城南区</source>
        <translation>e.g. Chengnan district</translation>
    </message>
    <message>
        <location filename="../../ui/summary/district_dialog.py" line="56"/>
        <source>勾选区县上报表要的列，拖动或用上移、下移排好顺序，保存为模板，下次直接选用。</source>
        <translation>Tick the columns the district&apos;s form asks for, drag or move them into order, and save them as a template to choose next time.</translation>
    </message>
    <message>
        <location filename="../../ui/summary/district_dialog.py" line="72"/>
        <source>模板名称</source>
        <translation>Template name</translation>
    </message>
</context>
<context>
    <name>EntriesImportDialog</name>
    <message>
        <location filename="../../ui/registration/import_dialog.py" line="34"/>
        <source>导入报名表 — {0}</source>
        <translation>Import registration forms — {0}</translation>
    </message>
    <message>
        <location filename="../../ui/registration/import_dialog.py" line="43"/>
        <source>新作品 {0} 件，修改 {1} 件，已登记且不变 {2} 件，表中没有而保持不变 {3} 件。</source>
        <translation>{0} new entries, {1} changed, {2} already registered and unchanged, {3} not on the form and left as they are.</translation>
    </message>
    <message>
        <location filename="../../ui/registration/import_dialog.py" line="48"/>
        <source>其中 {0} 件所报项目已过截止日期，导入时会请您确认，并标记为“逾期”。</source>
        <translation>{0} of them are for competitions past their deadline: you will be asked to confirm, and they are marked late.</translation>
    </message>
    <message>
        <location filename="../../ui/registration/import_dialog.py" line="56"/>
        <source>已过截止日期</source>
        <translation>Deadline passed</translation>
    </message>
</context>
<context>
    <name>EntriesPage</name>
    <message>
        <location filename="../../ui/registration/tab.py" line="93"/>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../ui/registration/tab.py" line="97"/>
        <source>搜索编号、题目、作者（可用拼音首字母）、指导老师</source>
        <translation>Search number, title, author (pinyin initials too), advisor</translation>
    </message>
    <message>
        <location filename="../../ui/registration/tab.py" line="105"/>
        <source>新增作品</source>
        <translation>New entry</translation>
    </message>
    <message>
        <location filename="../../ui/registration/tab.py" line="107"/>
        <source>删除所选</source>
        <translation>Delete selected</translation>
    </message>
    <message>
        <location filename="../../ui/registration/tab.py" line="109"/>
        <source>撤销删除</source>
        <translation>Undo delete</translation>
    </message>
    <message>
        <location filename="../../ui/registration/tab.py" line="140"/>
        <source>编号</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../ui/registration/tab.py" line="141"/>
        <source>比赛项目</source>
        <translation>Competition</translation>
    </message>
    <message>
        <location filename="../../ui/registration/tab.py" line="142"/>
        <source>班级</source>
        <translation>Class</translation>
    </message>
    <message>
        <location filename="../../ui/registration/tab.py" line="143"/>
        <source>作品类型</source>
        <translation>Type of work</translation>
    </message>
    <message>
        <location filename="../../ui/registration/tab.py" line="144"/>
        <source>作品题目</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../ui/registration/tab.py" line="145"/>
        <source>作者</source>
        <translation>Authors</translation>
    </message>
    <message>
        <location filename="../../ui/registration/tab.py" line="146"/>
        <source>指导老师</source>
        <translation>Advisor</translation>
    </message>
    <message>
        <location filename="../../ui/registration/tab.py" line="147"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/registration/tab.py" line="154"/>
        <source>全部比赛项目</source>
        <translation>All competitions</translation>
    </message>
    <message>
        <location filename="../../ui/registration/tab.py" line="155"/>
        <source>全部班级</source>
        <translation>All classes</translation>
    </message>
    <message>
        <location filename="../../ui/registration/tab.py" line="196"/>
        <source>显示 {0} / {1} 件</source>
        <translation>Showing {0} of {1}</translation>
    </message>
    <message>
        <location filename="../../ui/registration/tab.py" line="212"/>
        <source>已登记作品 {0}</source>
        <translation>Registered entry {0}</translation>
    </message>
    <message>
        <location filename="../../ui/registration/tab.py" line="228"/>
        <source>删除作品 {0}「{1}」？</source>
        <translation>Delete entry {0} “{1}”?</translation>
    </message>
    <message>
        <location filename="../../ui/registration/tab.py" line="230"/>
        <source>删除所选的 {0} 件作品？</source>
        <translation>Delete the {0} selected entries?</translation>
    </message>
    <message>
        <location filename="../../ui/registration/tab.py" line="233"/>
        <source>删除作品</source>
        <translation>Delete entries</translation>
    </message>
    <message>
        <location filename="../../ui/registration/tab.py" line="233"/>
        <source>（删除后可以撤销；编号不会再分配给别的作品）</source>
        <translation> (You can undo this; the numbers are never given to another entry.)</translation>
    </message>
</context>
<context>
    <name>EntriesTab</name>
    <message>
        <location filename="../../ui/registration/tab.py" line="271"/>
        <source>作品登记</source>
        <translation>Entries</translation>
    </message>
    <message>
        <location filename="../../ui/registration/tab.py" line="272"/>
        <source>班级进度</source>
        <translation>Class progress</translation>
    </message>
    <message>
        <location filename="../../ui/registration/tab.py" line="273"/>
        <source>比赛项目</source>
        <translation>Competitions</translation>
    </message>
    <message>
        <location filename="../../ui/registration/tab.py" line="274"/>
        <source>科普实践</source>
        <translation>Science practice</translation>
    </message>
    <message>
        <location filename="../../ui/registration/tab.py" line="278"/>
        <source>生成班级报名表…</source>
        <translation>Class forms…</translation>
    </message>
    <message>
        <location filename="../../ui/registration/tab.py" line="279"/>
        <source>导入报名表…</source>
        <translation>Import forms…</translation>
    </message>
    <message>
        <location filename="../../ui/registration/tab.py" line="280"/>
        <source>打印作品标签…</source>
        <translation>Entry labels…</translation>
    </message>
    <message>
        <location filename="../../ui/registration/tab.py" line="281"/>
        <source>导出分类造册…</source>
        <translation>Export register…</translation>
    </message>
    <message>
        <location filename="../../ui/registration/tab.py" line="323"/>
        <source>{0} 处名额提醒，见“班级进度”</source>
        <translation>{0} quota notes, see Class progress</translation>
    </message>
    <message>
        <location filename="../../ui/registration/tab.py" line="332"/>
        <source>选择保存班级报名表的文件夹</source>
        <translation>Choose a folder for the class registration forms</translation>
    </message>
    <message>
        <location filename="../../ui/registration/tab.py" line="340"/>
        <source>已为 {0} 个班生成报名表。发给各班班主任填写后，用“导入报名表…”收回。</source>
        <translation>Registration forms written for {0} classes. Send them to the head teachers, then bring them back with Import forms….</translation>
    </message>
    <message>
        <location filename="../../ui/registration/tab.py" line="345"/>
        <source>正在生成班级报名表…</source>
        <translation>Writing the class registration forms…</translation>
    </message>
    <message>
        <location filename="../../ui/registration/tab.py" line="351"/>
        <source>选择填好的报名表（可多选）</source>
        <translation>Choose filled registration forms (several allowed)</translation>
    </message>
    <message>
        <location filename="../../ui/registration/tab.py" line="352"/>
        <source>Excel 工作簿 (*.xlsx);;所有文件 (*)</source>
        <translation>Excel workbooks (*.xlsx);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/registration/tab.py" line="369"/>
        <source>保存作品标签</source>
        <translation>Save entry labels</translation>
    </message>
    <message>
        <location filename="../../ui/registration/tab.py" line="369"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/registration/tab.py" line="369"/>
        <source>作品标签</source>
        <translation>entry labels</translation>
    </message>
    <message>
        <location filename="../../ui/registration/tab.py" line="381"/>
        <source>已生成 {0} 张作品标签（每页 8 张，沿虚线剪开）。</source>
        <translation>{0} entry labels written (8 per page, cut along the dashed lines).</translation>
    </message>
    <message>
        <location filename="../../ui/registration/tab.py" line="383"/>
        <source>正在生成作品标签…</source>
        <translation>Writing the entry labels…</translation>
    </message>
    <message>
        <location filename="../../ui/registration/tab.py" line="390"/>
        <source>导出分类造册</source>
        <translation>Export register</translation>
    </message>
    <message>
        <location filename="../../ui/registration/tab.py" line="390"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/registration/tab.py" line="390"/>
        <source>分类造册</source>
        <translation>register by competition</translation>
    </message>
    <message>
        <location filename="../../ui/registration/tab.py" line="398"/>
        <source>已导出 {0} 件作品的分类造册，每个比赛项目一个工作表。</source>
        <translation>Register of {0} entries exported, one sheet per competition.</translation>
    </message>
    <message>
        <location filename="../../ui/registration/tab.py" line="400"/>
        <source>正在导出分类造册…</source>
        <translation>Exporting the register by category…</translation>
    </message>
</context>
<context>
    <name>EntryPanel</name>
    <message>
        <location filename="../../ui/registration/entry_panel.py" line="177"/>
        <source>一两句话介绍作品（推荐参加上级比赛时造册用）</source>
        <translation>One or two sentences on the work (for the register of recommended works)</translation>
    </message>
    <message>
        <location filename="../../ui/registration/entry_panel.py" line="184"/>
        <source>比赛项目</source>
        <translation>Competition</translation>
    </message>
    <message>
        <location filename="../../ui/registration/entry_panel.py" line="185"/>
        <source>班级</source>
        <translation>Class</translation>
    </message>
    <message>
        <location filename="../../ui/registration/entry_panel.py" line="187"/>
        <source>作品类型</source>
        <translation>Type of work</translation>
    </message>
    <message>
        <location filename="../../ui/registration/entry_panel.py" line="188"/>
        <source>作品题目</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../ui/registration/entry_panel.py" line="189"/>
        <source>作者</source>
        <translation>Authors</translation>
    </message>
    <message>
        <location filename="../../ui/registration/entry_panel.py" line="190"/>
        <source>作者老师</source>
        <translation>Author (teacher)</translation>
    </message>
    <message>
        <location filename="../../ui/registration/entry_panel.py" line="191"/>
        <source>指导老师</source>
        <translation>Advisor</translation>
    </message>
    <message>
        <location filename="../../ui/registration/entry_panel.py" line="192"/>
        <source>合作家长</source>
        <translation>Parent</translation>
    </message>
    <message>
        <location filename="../../ui/registration/entry_panel.py" line="193"/>
        <source>作品说明</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../ui/registration/entry_panel.py" line="194"/>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../ui/registration/entry_panel.py" line="195"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/registration/entry_panel.py" line="197"/>
        <source>登记作品</source>
        <translation>Register entry</translation>
    </message>
    <message>
        <location filename="../../ui/registration/entry_panel.py" line="200"/>
        <source>再登记一件</source>
        <translation>Register another</translation>
    </message>
    <message>
        <location filename="../../ui/registration/entry_panel.py" line="249"/>
        <source>（请选择）</source>
        <translation>(choose)</translation>
    </message>
    <message>
        <location filename="../../ui/registration/entry_panel.py" line="299"/>
        <source>登记新作品</source>
        <translation>Register a new entry</translation>
    </message>
    <message>
        <location filename="../../ui/registration/entry_panel.py" line="321"/>
        <source>作品 {0}</source>
        <translation>Entry {0}</translation>
    </message>
    <message>
        <location filename="../../ui/registration/entry_panel.py" line="385"/>
        <source>教师比赛：作品属于作者老师，不属于班级；每人最多 {0} 件</source>
        <translation>Teachers&apos; contest: a work belongs to its teacher, not to a class; at most {0} per teacher</translation>
    </message>
    <message>
        <location filename="../../ui/registration/entry_panel.py" line="401"/>
        <source>本班已报 {0} {1}，名额：{2}</source>
        <translation>This class has entered {0} ({1}); quota: {2}</translation>
    </message>
    <message>
        <location filename="../../ui/registration/entry_panel.py" line="405"/>
        <source>&#x3000;还差 {0} {1}</source>
        <translation>  {0} ({1}) still missing</translation>
    </message>
    <message>
        <location filename="../../ui/registration/entry_panel.py" line="409"/>
        <source>&#x3000;已超出名额</source>
        <translation> — over the quota</translation>
    </message>
    <message>
        <location filename="../../ui/registration/entry_panel.py" line="412"/>
        <source>&#x3000;名额已满</source>
        <translation> — quota full</translation>
    </message>
    <message>
        <location filename="../../ui/registration/entry_panel.py" line="422"/>
        <source>本班「{0}」的名额（{1}）已用完，不能再登记。</source>
        <translation>This class&apos;s quota for “{0}” ({1}) is used up: no more entries.</translation>
    </message>
    <message>
        <location filename="../../ui/registration/entry_panel.py" line="453"/>
        <source>请先选择比赛项目和班级。</source>
        <translation>Choose a competition and a class first.</translation>
    </message>
    <message>
        <location filename="../../ui/registration/entry_panel.py" line="458"/>
        <source>已过截止日期</source>
        <translation>Deadline passed</translation>
    </message>
</context>
<context>
    <name>EventDialog</name>
    <message>
        <location filename="../../ui/calendar/event_dialog.py" line="58"/>
        <source>新建活动</source>
        <translation>New activity</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/event_dialog.py" line="58"/>
        <source>修改活动</source>
        <translation>Edit activity</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/event_dialog.py" line="64"/>
        <source>仍按此安排</source>
        <translation>Keep it anyway</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/event_dialog.py" line="66"/>
        <source>冲突已知，保留这样的安排（冲突列为“已确认保留”）</source>
        <translation>The clash is known: keep this arrangement (listed as kept on purpose)</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/event_dialog.py" line="74"/>
        <source>如 科普讲座：身边的物理</source>
        <translation>e.g. Science talk: physics around us</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/event_dialog.py" line="81"/>
        <source>全天</source>
        <translation>All day</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/event_dialog.py" line="97"/>
        <source>负责人或负责部门，如 王老师、教务处</source>
        <translation>Person or office in charge, e.g. Ms Wang, Academic Office</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/event_dialog.py" line="102"/>
        <source>（不限）</source>
        <translation>(any)</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/event_dialog.py" line="110"/>
        <source>已知有冲突，仍按此安排（冲突列为“已确认保留”）</source>
        <translation>Keep despite a known clash (listed as “kept on purpose”)</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/event_dialog.py" line="118"/>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/event_dialog.py" line="126"/>
        <source>活动内容</source>
        <translation>Activity</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/event_dialog.py" line="127"/>
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/event_dialog.py" line="128"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/event_dialog.py" line="129"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/event_dialog.py" line="130"/>
        <source>地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/event_dialog.py" line="131"/>
        <source>负责人</source>
        <translation>Responsible</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/event_dialog.py" line="132"/>
        <source>参加对象</source>
        <translation>Audience</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/event_dialog.py" line="133"/>
        <source>都不勾选表示全校参加</source>
        <translation>None ticked means the whole school</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/event_dialog.py" line="136"/>
        <source>所属阶段</source>
        <translation>Phase</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/event_dialog.py" line="137"/>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
</context>
<context>
    <name>FestivalHeader</name>
    <message>
        <location filename="../../ui/main_window.py" line="95"/>
        <source>主题：{0}</source>
        <translation>Theme: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="97"/>
        <source>{0} 至 {1}</source>
        <translation>{0} to {1}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="104"/>
        <source>今天：{0}阶段</source>
        <translation>Today: {0} phase</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="106"/>
        <source>距开幕还有 {0} 天</source>
        <translation>{0} days to the opening</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="108"/>
        <source>已结束</source>
        <translation>Finished</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="110"/>
        <source>进行中</source>
        <translation>Running</translation>
    </message>
</context>
<context>
    <name>FestivalPage</name>
    <message>
        <location filename="../../ui/settings/tab.py" line="66"/>
        <source>新建科技节…</source>
        <translation>New festival…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/tab.py" line="68"/>
        <source>删除此科技节</source>
        <translation>Delete this festival</translation>
    </message>
    <message>
        <location filename="../../ui/settings/tab.py" line="71"/>
        <source>当前科技节</source>
        <translation>Current festival</translation>
    </message>
    <message>
        <location filename="../../ui/settings/tab.py" line="80"/>
        <source>（不写届次）</source>
        <translation>(no edition)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/tab.py" line="90"/>
        <source>科技节信息（修改后自动保存）</source>
        <translation>Festival details (saved as you edit)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/tab.py" line="93"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/settings/tab.py" line="94"/>
        <source>届次</source>
        <translation>Edition</translation>
    </message>
    <message>
        <location filename="../../ui/settings/tab.py" line="95"/>
        <source>主题</source>
        <translation>Theme</translation>
    </message>
    <message>
        <location filename="../../ui/settings/tab.py" line="96"/>
        <source>学校</source>
        <translation>School</translation>
    </message>
    <message>
        <location filename="../../ui/settings/tab.py" line="97"/>
        <location filename="../../ui/settings/tab.py" line="129"/>
        <source>开始日期</source>
        <translation>Start date</translation>
    </message>
    <message>
        <location filename="../../ui/settings/tab.py" line="98"/>
        <location filename="../../ui/settings/tab.py" line="135"/>
        <source>结束日期</source>
        <translation>End date</translation>
    </message>
    <message>
        <location filename="../../ui/settings/tab.py" line="103"/>
        <source>添加阶段</source>
        <translation>Add phase</translation>
    </message>
    <message>
        <location filename="../../ui/settings/tab.py" line="105"/>
        <source>删除阶段</source>
        <translation>Delete phase</translation>
    </message>
    <message>
        <location filename="../../ui/settings/tab.py" line="107"/>
        <source>活动阶段（可以重叠；双击单元格修改）</source>
        <translation>Phases (may overlap; double-click a cell to change it)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/tab.py" line="124"/>
        <source>阶段</source>
        <translation>Phase</translation>
    </message>
    <message>
        <location filename="../../ui/settings/tab.py" line="140"/>
        <source>天数</source>
        <translation>Days</translation>
    </message>
    <message>
        <location filename="../../ui/settings/tab.py" line="201"/>
        <source>正在新建科技节…</source>
        <translation>Creating the festival…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/tab.py" line="208"/>
        <source>这是唯一的科技节，不能删除。请先新建一个科技节。</source>
        <translation>This is the only festival and cannot be deleted. Create another festival first.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/tab.py" line="210"/>
        <source>删除“{0}”及其中的全部班级、学生和数据？此操作不能撤销。</source>
        <translation>Delete “{0}” with all its classes, students and data? This cannot be undone.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/tab.py" line="213"/>
        <source>删除科技节</source>
        <translation>Delete festival</translation>
    </message>
    <message>
        <location filename="../../ui/settings/tab.py" line="215"/>
        <source>正在删除科技节…</source>
        <translation>Deleting the festival…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/tab.py" line="221"/>
        <source>新阶段</source>
        <translation>New phase</translation>
    </message>
</context>
<context>
    <name>FigurePanel</name>
    <message>
        <location filename="../../ui/summary/charts.py" line="55"/>
        <location filename="../../ui/summary/charts.py" line="100"/>
        <source>看表格</source>
        <translation>Show table</translation>
    </message>
    <message>
        <location filename="../../ui/summary/charts.py" line="59"/>
        <source>复制</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location filename="../../ui/summary/charts.py" line="60"/>
        <source>把这张表复制下来，可以直接粘贴到 Excel 或 Word</source>
        <translation>Copy this table to paste it into Excel or Word</translation>
    </message>
    <message>
        <location filename="../../ui/summary/charts.py" line="100"/>
        <source>看图表</source>
        <translation>Show chart</translation>
    </message>
</context>
<context>
    <name>GridPaperDialog</name>
    <message>
        <location filename="../../ui/practice/dialogs.py" line="356"/>
        <source>打印方格稿纸</source>
        <translation>Print grid paper</translation>
    </message>
    <message>
        <location filename="../../ui/practice/dialogs.py" line="361"/>
        <source>不指定（按计划注明“科技小论文——观察日记(科普幻想类)”）</source>
        <translation>None (the plan&apos;s note “科技小论文——观察日记(科普幻想类)”)</translation>
    </message>
    <message>
        <location filename="../../ui/practice/dialogs.py" line="368"/>
        <source> 字/页</source>
        <translation> characters/page</translation>
    </message>
    <message>
        <location filename="../../ui/practice/dialogs.py" line="372"/>
        <source> 张</source>
        <translation> sheets</translation>
    </message>
    <message>
        <location filename="../../ui/practice/dialogs.py" line="374"/>
        <source>A4 纸，300 字为每行 20 格、共 15 行；页首有题目、班级、姓名，左上方注明比赛和体裁。</source>
        <translation>A4; 300 characters are 15 rows of 20 squares; the heading has lines for title, class and name, and names the competition and genre at the top left.</translation>
    </message>
    <message>
        <location filename="../../ui/practice/dialogs.py" line="378"/>
        <source>比赛项目</source>
        <translation>Competition</translation>
    </message>
    <message>
        <location filename="../../ui/practice/dialogs.py" line="379"/>
        <source>每页格数</source>
        <translation>Squares a page</translation>
    </message>
    <message>
        <location filename="../../ui/practice/dialogs.py" line="380"/>
        <source>份数</source>
        <translation>Copies</translation>
    </message>
    <message>
        <location filename="../../ui/practice/dialogs.py" line="388"/>
        <source>保存方格稿纸</source>
        <translation>Save grid paper</translation>
    </message>
    <message>
        <location filename="../../ui/practice/dialogs.py" line="389"/>
        <source>{0}字方格稿纸</source>
        <translation>{0}-square grid paper</translation>
    </message>
    <message>
        <location filename="../../ui/practice/dialogs.py" line="410"/>
        <source>已生成 {0} 张方格稿纸。</source>
        <translation>{0} sheets of grid paper written.</translation>
    </message>
</context>
<context>
    <name>HigherLevelsDialog</name>
    <message>
        <location filename="../../ui/awards/higher_dialog.py" line="38"/>
        <source>上级比赛</source>
        <translation>Contests above the school</translation>
    </message>
    <message>
        <location filename="../../ui/awards/higher_dialog.py" line="44"/>
        <source>按作品逐级上送的顺序，从低到高写出上级比赛的名称（如 镇第十三届科技节 → 城口县第二届科技创新大赛 → 市青少年科技创新大赛）。总结、推荐作品上报表和证书都用这些名称。双击可改名。</source>
        <translation>Name the contests above the school in the order works go up, lowest first (e.g. the town&apos;s festival → the county&apos;s contest → the city&apos;s contest). The summary, the district list and the certificates use these names. Double-click to rename.</translation>
    </message>
    <message>
        <location filename="../../ui/awards/higher_dialog.py" line="56"/>
        <source>新的一级，如 城口县第二届科技创新大赛</source>
        <translation>Another level, e.g. the county&apos;s contest</translation>
    </message>
    <message>
        <location filename="../../ui/awards/higher_dialog.py" line="58"/>
        <source>添加</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../ui/awards/higher_dialog.py" line="60"/>
        <source>删除所选</source>
        <translation>Delete selected</translation>
    </message>
    <message>
        <location filename="../../ui/awards/higher_dialog.py" line="62"/>
        <source>上移</source>
        <translation>Move up</translation>
    </message>
    <message>
        <location filename="../../ui/awards/higher_dialog.py" line="64"/>
        <source>下移</source>
        <translation>Move down</translation>
    </message>
</context>
<context>
    <name>HigherResultsDialog</name>
    <message>
        <location filename="../../ui/awards/higher_dialog.py" line="116"/>
        <source>记录上级比赛结果</source>
        <translation>Record results above the school</translation>
    </message>
    <message>
        <location filename="../../ui/awards/higher_dialog.py" line="124"/>
        <source>作品逐级上送：先填下一级的结果，再填更高一级的；没有参加的一级留空。</source>
        <translation>A work goes up one level at a time: fill in the lower level first, then the higher; leave empty a level it did not reach.</translation>
    </message>
    <message>
        <location filename="../../ui/awards/higher_dialog.py" line="133"/>
        <source>如 一等奖、入选</source>
        <translation>e.g. first prize, selected</translation>
    </message>
</context>
<context>
    <name>ImportPreview</name>
    <message>
        <location filename="../../ui/widgets/import_preview.py" line="35"/>
        <source>新增</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/import_preview.py" line="37"/>
        <source>修改</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/import_preview.py" line="39"/>
        <source>不变</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/import_preview.py" line="41"/>
        <source>表中没有，保持不变</source>
        <translation>Not in the file, left as it is</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/import_preview.py" line="43"/>
        <source>有问题</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/import_preview.py" line="203"/>
        <source>正在读取并检查文件…</source>
        <translation>Reading and checking the file…</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <location filename="../../ui/widgets/import_preview.py" line="77"/>
        <source>结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/import_preview.py" line="81"/>
        <source>内容</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/import_preview.py" line="82"/>
        <source>改动或原因</source>
        <translation>Changes or reason</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/import_preview.py" line="83"/>
        <source>位置</source>
        <translation>Where</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/import_preview.py" line="84"/>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/import_preview.py" line="97"/>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/import_preview.py" line="101"/>
        <source>显示</source>
        <translation>Show</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/import_preview.py" line="123"/>
        <source>提醒：{0}</source>
        <translation>Note: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/import_preview.py" line="131"/>
        <source>发现 {0} 处问题，必须全部改正后才能导入（不会只导入一部分）。请按下表修改 Excel 文件后重新导入。</source>
        <translation>{0} problems found. All must be fixed before importing (nothing is imported in part). Correct the Excel file as listed and import it again.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/import_preview.py" line="136"/>
        <source>没有发现问题。请核对下表的新增和修改，点击“导入”后一次性写入。</source>
        <translation>No problems found. Check what is new and what changes below; Import writes everything at once.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/import_preview.py" line="139"/>
        <source>没有要新增或修改的内容。</source>
        <translation>Nothing to add or change.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/import_preview.py" line="148"/>
        <source>全部（{0}）</source>
        <translation>All ({0})</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/import_preview.py" line="193"/>
        <source>正在导入…</source>
        <translation>Importing…</translation>
    </message>
</context>
<context>
    <name>ItemDialog</name>
    <message>
        <location filename="../../ui/practice/dialogs.py" line="65"/>
        <source>实践项目</source>
        <translation>Practice item</translation>
    </message>
    <message>
        <location filename="../../ui/practice/dialogs.py" line="65"/>
        <source>添加实践项目</source>
        <translation>Add a practice item</translation>
    </message>
    <message>
        <location filename="../../ui/practice/dialogs.py" line="69"/>
        <source>如 参观一处科普教育基地</source>
        <translation>e.g. visit a science education site</translation>
    </message>
    <message>
        <location filename="../../ui/practice/dialogs.py" line="70"/>
        <source>全校都做</source>
        <translation>Every grade</translation>
    </message>
    <message>
        <location filename="../../ui/practice/dialogs.py" line="85"/>
        <source> 分</source>
        <translation> pts</translation>
    </message>
    <message>
        <location filename="../../ui/practice/dialogs.py" line="86"/>
        <source>全班都完成时计入班级考核的分数，部分完成按完成比例计分；0 为不计分。</source>
        <translation>The class assessment points when the whole class has done it, in proportion when part has; 0 gives none.</translation>
    </message>
    <message>
        <location filename="../../ui/practice/dialogs.py" line="90"/>
        <source>（不指定）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../ui/practice/dialogs.py" line="94"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/practice/dialogs.py" line="95"/>
        <source>参加年级</source>
        <translation>Grades</translation>
    </message>
    <message>
        <location filename="../../ui/practice/dialogs.py" line="97"/>
        <source>班级考核分</source>
        <translation>Class points</translation>
    </message>
    <message>
        <location filename="../../ui/practice/dialogs.py" line="99"/>
        <source>报为作品时的比赛</source>
        <translation>Competition for a pupil&apos;s work</translation>
    </message>
</context>
<context>
    <name>ItemsDialog</name>
    <message>
        <location filename="../../ui/practice/dialogs.py" line="138"/>
        <source>科普实践项目</source>
        <translation>Science practice items</translation>
    </message>
    <message>
        <location filename="../../ui/practice/dialogs.py" line="142"/>
        <source>实践项目</source>
        <translation>Practice item</translation>
    </message>
    <message>
        <location filename="../../ui/practice/dialogs.py" line="143"/>
        <source>参加年级</source>
        <translation>Grades</translation>
    </message>
    <message>
        <location filename="../../ui/practice/dialogs.py" line="145"/>
        <source>班级考核分</source>
        <translation>Class points</translation>
    </message>
    <message>
        <location filename="../../ui/practice/dialogs.py" line="147"/>
        <source>已完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ui/practice/dialogs.py" line="155"/>
        <source>添加…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <location filename="../../ui/practice/dialogs.py" line="156"/>
        <source>按计划添加</source>
        <translation>Add the plans&apos; items</translation>
    </message>
    <message>
        <location filename="../../ui/practice/dialogs.py" line="157"/>
        <source>修改…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location filename="../../ui/practice/dialogs.py" line="158"/>
        <source>上移</source>
        <translation>Move up</translation>
    </message>
    <message>
        <location filename="../../ui/practice/dialogs.py" line="159"/>
        <source>下移</source>
        <translation>Move down</translation>
    </message>
    <message>
        <location filename="../../ui/practice/dialogs.py" line="160"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../ui/practice/dialogs.py" line="168"/>
        <source>计划中的：读一本科普读物并写读后感、看一部科普影片、讲一位科学家的故事、参观一处科普教育基地、写一篇科普小征文</source>
        <translation>From the plans: read a popular science book and write about it, watch a science film, tell a scientist&apos;s story, visit a science education site, write a short science essay</translation>
    </message>
    <message>
        <location filename="../../ui/practice/dialogs.py" line="228"/>
        <source>删除实践项目「{0}」？</source>
        <translation>Delete the practice item “{0}”?</translation>
    </message>
    <message>
        <location filename="../../ui/practice/dialogs.py" line="230"/>
        <source>已勾选的 {0} 名学生的记录也会删除（删除前自动备份）。</source>
        <translation> The ticks of its {0} pupils go too (a backup is made first).</translation>
    </message>
    <message>
        <location filename="../../ui/practice/dialogs.py" line="231"/>
        <source>删除实践项目</source>
        <translation>Delete practice item</translation>
    </message>
</context>
<context>
    <name>JudgesDialog</name>
    <message>
        <location filename="../../ui/scoring/dialogs.py" line="48"/>
        <source>评委组 — {0}</source>
        <translation>Judges — {0}</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/dialogs.py" line="58"/>
        <source>&#x3000;班主任：{0}</source>
        <translation>  head teacher of {0}</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/dialogs.py" line="60"/>
        <location filename="../../ui/scoring/dialogs.py" line="64"/>
        <source>加入评委组</source>
        <translation>Add to panel</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/dialogs.py" line="63"/>
        <source>校外评委姓名，如 科协 孙教授</source>
        <translation>Outside judge, e.g. Prof. Sun of the science association</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/dialogs.py" line="67"/>
        <source>移出评委组</source>
        <translation>Remove from panel</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/dialogs.py" line="71"/>
        <source>班主任评委自动回避本班；校外评委或家长评委可在“所属班级”中标出，同样回避该班。修改即时保存。</source>
        <translation>A judge who is a class&apos;s head teacher does not score that class; mark an outside or parent judge&apos;s class under “Belongs to class” to the same effect. Changes are saved at once.</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/dialogs.py" line="80"/>
        <source>从教师名册：</source>
        <translation>From the teachers:</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/dialogs.py" line="84"/>
        <source>校外评委：</source>
        <translation>Outside judge:</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/dialogs.py" line="100"/>
        <source>评委</source>
        <translation>Judge</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/dialogs.py" line="105"/>
        <source>来源</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/dialogs.py" line="106"/>
        <source>教师名册</source>
        <translation>Teachers</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/dialogs.py" line="106"/>
        <source>校外</source>
        <translation>Outside</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/dialogs.py" line="108"/>
        <source>班主任</source>
        <translation>Head teacher of</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/dialogs.py" line="110"/>
        <source>所属班级（回避）</source>
        <translation>Belongs to class (stands aside)</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/dialogs.py" line="118"/>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
</context>
<context>
    <name>JudgingOpening</name>
    <message>
        <location filename="../../ui/registration/judging_opening.py" line="30"/>
        <source>提前开始评审…</source>
        <translation>Open judging early…</translation>
    </message>
    <message>
        <location filename="../../ui/registration/judging_opening.py" line="32"/>
        <source>截止日（班级板报：检查日）之前就开始评分、评奖和定稿；会记下是谁、什么时候打开的</source>
        <translation>Start scoring, awarding and finalising before the deadline (for a class board: its inspection day); who opened it and when is recorded</translation>
    </message>
    <message>
        <location filename="../../ui/registration/judging_opening.py" line="51"/>
        <source>已于 {0} 提前开始评审（{1}）。</source>
        <translation>Judging was opened early on {0} ({1}).</translation>
    </message>
    <message>
        <location filename="../../ui/registration/judging_opening.py" line="55"/>
        <source>没有截止日期：随时可以评审。</source>
        <translation>No deadline: judging may start at any time.</translation>
    </message>
    <message>
        <location filename="../../ui/registration/judging_opening.py" line="57"/>
        <source>评审已从 {0} 开始。</source>
        <translation>Judging has been open since {0}.</translation>
    </message>
    <message>
        <location filename="../../ui/registration/judging_opening.py" line="59"/>
        <source>评审从 {0} 开始，之前不能录入成绩、评奖和定稿。</source>
        <translation>Judging opens on {0}; before that no scores, awards or finalising.</translation>
    </message>
    <message>
        <location filename="../../ui/registration/judging_opening.py" line="67"/>
        <source>提前开始评审</source>
        <translation>Open judging early</translation>
    </message>
    <message>
        <location filename="../../ui/registration/judging_opening.py" line="68"/>
        <source>现在就开始「{0}」的评审？之后即可录入成绩、评奖和定稿；这一操作会记入修改记录。</source>
        <translation>Open judging of “{0}” now? Scores, awards and finalising are then accepted; this goes into the log.</translation>
    </message>
</context>
<context>
    <name>LeaderboardWindow</name>
    <message>
        <location filename="../../ui/scoring/leaderboard.py" line="163"/>
        <source>排行榜 — {0}</source>
        <translation>Leaderboard — {0}</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/leaderboard.py" line="166"/>
        <source>{0}&#x3000;{1}</source>
        <translation>{0}  {1}</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/leaderboard.py" line="180"/>
        <source>成绩即将公布</source>
        <translation>Results coming soon</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/leaderboard.py" line="194"/>
        <source>按 F11 全屏显示，Esc 退出全屏</source>
        <translation>F11 for full screen, Esc to leave it</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/leaderboard.py" line="274"/>
        <source>已评完 {0}/{1}&#x3000;·&#x3000;评分进行中，排名实时更新</source>
        <translation>{0}/{1} scored  ·  scoring in progress, ranking updates live</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/leaderboard.py" line="276"/>
        <source>全部评完 {0}/{1}</source>
        <translation>All scored {0}/{1}</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/leaderboard.py" line="321"/>
        <source>{0}&#x3000;第 {1}/{2} 页</source>
        <translation>{0}  page {1}/{2}</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/leaderboard.py" line="348"/>
        <source>还没有评完的班级可以揭晓。</source>
        <translation>No fully scored class to reveal yet.</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/leaderboard.py" line="368"/>
        <source>{0}&#x3000;第{1}名</source>
        <translation>{0}  place {1}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="147"/>
        <location filename="../../ui/main_window.py" line="150"/>
        <source>科技节</source>
        <translation>Science Festival</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="151"/>
        <source>正在打开数据文件…</source>
        <translation>Opening the data file…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="154"/>
        <location filename="../../ui/main_window.py" line="299"/>
        <source>活动日历</source>
        <translation>Calendar</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="155"/>
        <location filename="../../ui/main_window.py" line="306"/>
        <source>作品报名</source>
        <translation>Entries</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="156"/>
        <location filename="../../ui/main_window.py" line="313"/>
        <source>现场评分</source>
        <translation>Live scoring</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="157"/>
        <location filename="../../ui/main_window.py" line="320"/>
        <source>奖项与证书</source>
        <translation>Awards and certificates</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="158"/>
        <location filename="../../ui/main_window.py" line="327"/>
        <source>统计与总结</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="159"/>
        <location filename="../../ui/main_window.py" line="256"/>
        <source>学校与设置</source>
        <translation>School and settings</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="211"/>
        <source>数据文件：{0}&#x3000;·&#x3000;所有修改即时保存</source>
        <translation>Data file: {0}  ·  every change is saved at once</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="381"/>
        <source>{0} — 科技节</source>
        <translation>{0} — Science Festival</translation>
    </message>
</context>
<context>
    <name>MonthView</name>
    <message>
        <location filename="../../ui/calendar/views.py" line="290"/>
        <source>还有 {0} 项…</source>
        <translation>{0} more…</translation>
    </message>
</context>
<context>
    <name>NewFestivalDialog</name>
    <message>
        <location filename="../../ui/settings/dialogs.py" line="22"/>
        <source>新建科技节</source>
        <translation>New festival</translation>
    </message>
    <message>
        <location filename="../../ui/settings/dialogs.py" line="26"/>
        <source>第{0}届校园科技节</source>
        <translation>第{0}届校园科技节</translation>
    </message>
    <message>
        <location filename="../../ui/settings/dialogs.py" line="29"/>
        <source>例如：探究身边的科学</source>
        <translation>e.g. 探究身边的科学 (Exploring the science around us)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/dialogs.py" line="33"/>
        <source>不复制，从空白开始</source>
        <translation>Start empty, copy nothing</translation>
    </message>
    <message>
        <location filename="../../ui/settings/dialogs.py" line="38"/>
        <source>复制的是阶段、年级班级和教师名单；学生名单不复制，新学年请重新导入花名册。</source>
        <translation>Phases, grades, classes and teachers are copied; students are not — import the new year&apos;s roster.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/dialogs.py" line="41"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/settings/dialogs.py" line="42"/>
        <source>学校</source>
        <translation>School</translation>
    </message>
    <message>
        <location filename="../../ui/settings/dialogs.py" line="43"/>
        <source>主题</source>
        <translation>Theme</translation>
    </message>
    <message>
        <location filename="../../ui/settings/dialogs.py" line="44"/>
        <source>开始日期</source>
        <translation>Start date</translation>
    </message>
    <message>
        <location filename="../../ui/settings/dialogs.py" line="45"/>
        <source>结束日期</source>
        <translation>End date</translation>
    </message>
    <message>
        <location filename="../../ui/settings/dialogs.py" line="46"/>
        <source>复制设置自</source>
        <translation>Copy set-up from</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <location filename="../../ui/registration/progress_page.py" line="190"/>
        <source>{0} 个班还有项目未达名额</source>
        <translation>{0} classes are below a quota</translation>
    </message>
    <message>
        <location filename="../../ui/registration/progress_page.py" line="192"/>
        <source>{0} 个班超出名额</source>
        <translation>{0} classes are over a quota</translation>
    </message>
    <message>
        <location filename="../../ui/registration/progress_page.py" line="193"/>
        <source>所有班级都已按名额报齐。</source>
        <translation>Every class has entered its quota.</translation>
    </message>
</context>
<context>
    <name>PhonePanel</name>
    <message>
        <location filename="../../ui/scoring/phones.py" line="96"/>
        <source>手机评分</source>
        <translation>Phone scoring</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/phones.py" line="108"/>
        <source>刷新地址</source>
        <translation>Find addresses</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/phones.py" line="109"/>
        <source>换了网络或插上网线后，重新查找本机的地址</source>
        <translation>Look up this PC&apos;s addresses again after changing network or plugging in a cable</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/phones.py" line="127"/>
        <source>评委</source>
        <translation>Judge</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/phones.py" line="128"/>
        <source>评分码</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/phones.py" line="129"/>
        <source>手机</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/phones.py" line="130"/>
        <source>最后联系</source>
        <translation>Last seen</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/phones.py" line="131"/>
        <source>已评</source>
        <translation>Scored</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/phones.py" line="132"/>
        <source>待核对</source>
        <translation>To settle</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/phones.py" line="133"/>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/phones.py" line="144"/>
        <source>自检</source>
        <translation>Self-check</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/phones.py" line="145"/>
        <source>像手机一样从所选地址打开评分页，看看哪里不通</source>
        <translation>Open the scoring page from the chosen address as a phone would, and say what is wrong</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/phones.py" line="147"/>
        <source>评委扫码卡…</source>
        <translation>Judges&apos; QR cards…</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/phones.py" line="149"/>
        <location filename="../../ui/scoring/phones.py" line="357"/>
        <source>作废并重发链接</source>
        <translation>Revoke and reissue link</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/phones.py" line="150"/>
        <source>手机丢了或评分卡落在桌上：旧链接和评分码立即失效</source>
        <translation>A phone lost or a card left on a desk: the old link and PIN stop working at once</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/phones.py" line="152"/>
        <source>重新开放</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/phones.py" line="153"/>
        <source>评委按了「提交并锁定」后又要更正：让他的手机可以再修改</source>
        <translation>The judge handed the sheet in and needs a correction: let their phone change it again</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/phones.py" line="161"/>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/phones.py" line="164"/>
        <source>端口</source>
        <translation>Port</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/phones.py" line="211"/>
        <source>手机评分 · {0}</source>
        <translation>Phone scoring · {0}</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/phones.py" line="225"/>
        <source>没有找到网络：请先连上学校的 Wi-Fi 或网线</source>
        <translation>No network found: connect to the school&apos;s Wi-Fi or a cable first</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/phones.py" line="243"/>
        <source>「{0}」还没有评委：请先在「评委组…」里添加评委。</source>
        <translation>“{0}” has no judges yet: add them under “Judges…” first.</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/phones.py" line="250"/>
        <source>手机评分没能开启：{0}</source>
        <translation>Phone scoring could not start: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/phones.py" line="254"/>
        <source>端口 {0} 被占用，改用 {1}。</source>
        <translation>Port {0} is taken; using {1}.</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/phones.py" line="270"/>
        <source>停止</source>
        <translation>Stop</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/phones.py" line="270"/>
        <source>开启手机评分</source>
        <translation>Start phone scoring</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/phones.py" line="280"/>
        <source>评委用手机连上学校的 Wi-Fi，扫自己评分卡上的码；或打开上面的地址，输入评分卡上的评分码。</source>
        <translation>Judges join the school&apos;s Wi-Fi and scan the code on their own card, or open the address above and type the PIN on their card.</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/phones.py" line="285"/>
        <source>未开启</source>
        <translation>Not started</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/phones.py" line="287"/>
        <source>选择手机能连到的地址（一般是无线网络），再按「开启手机评分」。</source>
        <translation>Choose an address the phones can reach (usually the Wi-Fi one), then press “Start phone scoring”.</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/phones.py" line="315"/>
        <source>已连接</source>
        <translation>Connected</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/phones.py" line="315"/>
        <source>未连接</source>
        <translation>Not connected</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/phones.py" line="319"/>
        <source>已提交并锁定</source>
        <translation>Handed in</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/phones.py" line="330"/>
        <source>核对不同的分数（{0}）…</source>
        <translation>Settle differing scores ({0})…</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/phones.py" line="349"/>
        <source>请先在表中选一位评委。</source>
        <translation>Select a judge in the table first.</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/phones.py" line="358"/>
        <source>作废「{0}」现在的评分链接和评分码？旧卡片立即失效，已评的分数保留。</source>
        <translation>Revoke the current link and PIN of “{0}”? The old card stops working at once; the scores given stay.</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/phones.py" line="369"/>
        <source>「{0}」的新评分码是 {1}。请重新打印这位评委的扫码卡。</source>
        <translation>The new PIN of “{0}” is {1}. Print this judge&apos;s card again.</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/phones.py" line="382"/>
        <source>「{0}」的手机可以再修改分数了。</source>
        <translation>“{0}” can change scores from the phone again.</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/phones.py" line="388"/>
        <source>请先开启手机评分，再自检。</source>
        <translation>Start phone scoring first, then run the self-check.</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/phones.py" line="396"/>
        <source>本机从 {0} 打开评分页正常。若手机仍打不开：确认手机连的是同一个 Wi-Fi（不是访客网络），并在 Windows 防火墙中允许本程序使用专用网络。</source>
        <translation>This PC opens the scoring page at {0}. If a phone still cannot: check that it is on the same Wi-Fi (not a guest network), and allow this program on private networks in Windows Firewall.</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/phones.py" line="404"/>
        <source>没有可用的地址：请先连上学校的 Wi-Fi 或网线。</source>
        <translation>No address to use: connect to the school&apos;s Wi-Fi or a cable first.</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/phones.py" line="408"/>
        <source>保存评委扫码卡</source>
        <translation>Save judges&apos; QR cards</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/phones.py" line="409"/>
        <source>{0} 评委扫码卡</source>
        <translation>{0} judges&apos; QR cards</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/phones.py" line="411"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/phones.py" line="419"/>
        <source>已生成 {0} 张评委扫码卡。</source>
        <translation>{0} judges&apos; QR cards made.</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/phones.py" line="420"/>
        <source>正在生成评委扫码卡…</source>
        <translation>Writing the judges&apos; QR cards…</translation>
    </message>
</context>
<context>
    <name>PracticeImportDialog</name>
    <message>
        <location filename="../../ui/practice/dialogs.py" line="249"/>
        <source>导入实践表 — {0}</source>
        <translation>Import practice sheet — {0}</translation>
    </message>
</context>
<context>
    <name>PracticePage</name>
    <message>
        <location filename="../../ui/practice/page.py" line="65"/>
        <source>班级</source>
        <translation>Class</translation>
    </message>
    <message>
        <location filename="../../ui/practice/page.py" line="67"/>
        <source>完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ui/practice/page.py" line="87"/>
        <source>方向键移动，空格键勾选或取消所选的格子；点列标题选中整列，再按空格键整列勾选。</source>
        <translation>Arrow keys move, Space ticks or unticks the selected cells; click a column heading to select the whole column, then Space ticks it all.</translation>
    </message>
    <message>
        <location filename="../../ui/practice/page.py" line="92"/>
        <location filename="../../ui/practice/page.py" line="284"/>
        <source>导出实践表</source>
        <translation>Export practice sheet</translation>
    </message>
    <message>
        <location filename="../../ui/practice/page.py" line="95"/>
        <source>本班实践表（Excel）…</source>
        <translation>This class&apos;s sheet (Excel)…</translation>
    </message>
    <message>
        <location filename="../../ui/practice/page.py" line="98"/>
        <source>全部班级（每班一页）…</source>
        <translation>Every class (a sheet each)…</translation>
    </message>
    <message>
        <location filename="../../ui/practice/page.py" line="103"/>
        <source>导入实践表…</source>
        <translation>Import practice sheet…</translation>
    </message>
    <message>
        <location filename="../../ui/practice/page.py" line="104"/>
        <source>报为参赛作品…</source>
        <translation>Enter as a competition work…</translation>
    </message>
    <message>
        <location filename="../../ui/practice/page.py" line="105"/>
        <source>实践项目…</source>
        <translation>Practice items…</translation>
    </message>
    <message>
        <location filename="../../ui/practice/page.py" line="106"/>
        <source>打印方格稿纸…</source>
        <translation>Print grid paper…</translation>
    </message>
    <message>
        <location filename="../../ui/practice/page.py" line="112"/>
        <source>把选中学生的读后感、征文等登记为一件参赛作品</source>
        <translation>Register the selected pupil&apos;s book report or essay as a competition work</translation>
    </message>
    <message>
        <location filename="../../ui/practice/page.py" line="130"/>
        <source>还没有科普实践项目。计划中要求学生每人：读一本科普读物并写读后感、看一部科普影片、讲一位科学家的故事、参观一处科普教育基地、写一篇科普小征文。</source>
        <translation>No science practice items yet. The plans ask every pupil to read a popular science book and write about it, watch a science film, tell a scientist&apos;s story, visit a science education site and write a short science essay.</translation>
    </message>
    <message>
        <location filename="../../ui/practice/page.py" line="135"/>
        <source>按计划添加这些项目</source>
        <translation>Add these items from the plans</translation>
    </message>
    <message>
        <location filename="../../ui/practice/page.py" line="138"/>
        <source>自己添加…</source>
        <translation>Add your own…</translation>
    </message>
    <message>
        <location filename="../../ui/practice/page.py" line="213"/>
        <source>{0}&#x3000;{1} 名学生&#x3000;完成 {2}/{3}（{4:.0%}）</source>
        <translation>{0}&#x3000;{1} pupils&#x3000;done {2}/{3} ({4:.0%})</translation>
    </message>
    <message>
        <location filename="../../ui/practice/page.py" line="271"/>
        <source>请先选择班级。</source>
        <translation>Choose a class first.</translation>
    </message>
    <message>
        <location filename="../../ui/practice/page.py" line="280"/>
        <source>{0}-科普实践</source>
        <translation>{0}-science practice</translation>
    </message>
    <message>
        <location filename="../../ui/practice/page.py" line="282"/>
        <source>各班科普实践</source>
        <translation>Science practice of every class</translation>
    </message>
    <message>
        <location filename="../../ui/practice/page.py" line="284"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/practice/page.py" line="294"/>
        <source>已导出 {0} 个班、{1} 名学生的实践表。班主任打勾后交回，用“导入实践表…”收回。</source>
        <translation>Practice sheets of {0} classes, {1} pupils exported. Class teachers tick them and hand them back; take them in with “Import practice sheet…”.</translation>
    </message>
    <message>
        <location filename="../../ui/practice/page.py" line="298"/>
        <source>正在导出实践表…</source>
        <translation>Exporting the practice sheets…</translation>
    </message>
    <message>
        <location filename="../../ui/practice/page.py" line="303"/>
        <source>选择填好的实践表</source>
        <translation>Choose the filled practice sheet</translation>
    </message>
    <message>
        <location filename="../../ui/practice/page.py" line="303"/>
        <source>Excel 工作簿 (*.xlsx);;所有文件 (*)</source>
        <translation>Excel workbook (*.xlsx);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/practice/page.py" line="327"/>
        <source>请先在表中选中一名学生（可选中他读后感、征文那一格）。</source>
        <translation>First select a pupil in the table (for instance the cell of their book report or essay).</translation>
    </message>
    <message>
        <location filename="../../ui/practice/page.py" line="334"/>
        <source>{0}没有可以报名的个人比赛项目。</source>
        <translation>{0} has no individual competition to enter.</translation>
    </message>
    <message>
        <location filename="../../ui/practice/page.py" line="346"/>
        <source>如 {0}</source>
        <translation>e.g. {0}</translation>
    </message>
    <message>
        <location filename="../../ui/practice/page.py" line="359"/>
        <source>已登记作品 {0}：{1}《{2}》</source>
        <translation>Registered {0}: {1} “{2}”</translation>
    </message>
</context>
<context>
    <name>PrintPage</name>
    <message>
        <location filename="../../ui/awards/print_page.py" line="82"/>
        <source>一张纸排几张证书时，从第几个位置开始打印（用完半张纸）</source>
        <translation>On a sheet of several certificates, the slot to start printing at (to use up a half-used sheet)</translation>
    </message>
    <message>
        <location filename="../../ui/awards/print_page.py" line="84"/>
        <source>落款日期</source>
        <translation>Certificate date</translation>
    </message>
    <message>
        <location filename="../../ui/awards/print_page.py" line="87"/>
        <source>不勾选时用评奖规则中的证书日期，否则用日历上颁奖典礼（或闭幕式）的日期，否则科技节最后一天</source>
        <translation>When unticked: the certificate date of the award rules, else the day of the award ceremony (or closing ceremony) on the calendar, else the festival&apos;s last day</translation>
    </message>
    <message>
        <location filename="../../ui/awards/print_page.py" line="95"/>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../ui/awards/print_page.py" line="97"/>
        <source>保存为 PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/awards/print_page.py" line="103"/>
        <source>打印机校准…</source>
        <translation>Printer calibration…</translation>
    </message>
    <message>
        <location filename="../../ui/awards/print_page.py" line="110"/>
        <source>获奖者</source>
        <translation>Winner</translation>
    </message>
    <message>
        <location filename="../../ui/awards/print_page.py" line="111"/>
        <location filename="../../ui/awards/print_page.py" line="129"/>
        <source>班级</source>
        <translation>Class</translation>
    </message>
    <message>
        <location filename="../../ui/awards/print_page.py" line="112"/>
        <location filename="../../ui/awards/print_page.py" line="128"/>
        <source>奖项</source>
        <translation>Award</translation>
    </message>
    <message>
        <location filename="../../ui/awards/print_page.py" line="113"/>
        <source>证书编号</source>
        <translation>Certificate no.</translation>
    </message>
    <message>
        <location filename="../../ui/awards/print_page.py" line="113"/>
        <source>（打印时编号）</source>
        <translation>(numbered when printed)</translation>
    </message>
    <message>
        <location filename="../../ui/awards/print_page.py" line="114"/>
        <source>已打印</source>
        <translation>Printed</translation>
    </message>
    <message>
        <location filename="../../ui/awards/print_page.py" line="126"/>
        <source>模板</source>
        <translation>Template</translation>
    </message>
    <message>
        <location filename="../../ui/awards/print_page.py" line="127"/>
        <source>名单</source>
        <translation>List</translation>
    </message>
    <message>
        <location filename="../../ui/awards/print_page.py" line="138"/>
        <source>起始位置</source>
        <translation>Start at slot</translation>
    </message>
    <message>
        <location filename="../../ui/awards/print_page.py" line="164"/>
        <source>未打印完成</source>
        <translation>Not finished</translation>
    </message>
    <message>
        <location filename="../../ui/awards/print_page.py" line="192"/>
        <source>所有已定稿名单</source>
        <translation>All finalised lists</translation>
    </message>
    <message>
        <location filename="../../ui/awards/print_page.py" line="197"/>
        <source>所有奖项</source>
        <translation>All awards</translation>
    </message>
    <message>
        <location filename="../../ui/awards/print_page.py" line="202"/>
        <source>所有班级</source>
        <translation>All classes</translation>
    </message>
    <message>
        <location filename="../../ui/awards/print_page.py" line="238"/>
        <source>{0} 张证书，其中 {1} 张已打印过（再打印算重印，编号不变）。</source>
        <translation>{0} certificates, {1} printed before (printing again is a reprint with the same number).</translation>
    </message>
    <message>
        <location filename="../../ui/awards/print_page.py" line="242"/>
        <source>{0} 张已编号但上次没有打印完成，请重新打印（编号不变）。</source>
        <translation>{0} were numbered but their printing did not finish: print them again (the numbers stay).</translation>
    </message>
    <message>
        <location filename="../../ui/awards/print_page.py" line="250"/>
        <source>所选名单的 {0} 张证书是{1}证书，当前模板「{2}」用于{3}证书：请在“模板”中选择{4}。</source>
        <translation>The {0} certificates of the chosen list are {1} certificates; the template “{2}” is for {3} certificates: choose {4} under “Template”.</translation>
    </message>
    <message>
        <location filename="../../ui/awards/print_page.py" line="256"/>
        <source>对应的模板</source>
        <translation>the matching template</translation>
    </message>
    <message>
        <location filename="../../ui/awards/print_page.py" line="259"/>
        <source>没有可打印的证书：先在“获奖名单”中评奖并定稿。</source>
        <translation>Nothing to print: assign and finalise awards under “Award lists” first.</translation>
    </message>
    <message>
        <location filename="../../ui/awards/print_page.py" line="290"/>
        <source>打印前检查</source>
        <translation>Check before printing</translation>
    </message>
    <message>
        <location filename="../../ui/awards/print_page.py" line="291"/>
        <source>发现 {0} 处需要注意：
{1}

仍然继续吗？</source>
        <translation>{0} thing(s) to note:
{1}

Continue anyway?</translation>
    </message>
    <message>
        <location filename="../../ui/awards/print_page.py" line="314"/>
        <source>正在生成证书…</source>
        <translation>Making certificates…</translation>
    </message>
    <message>
        <location filename="../../ui/awards/print_page.py" line="337"/>
        <source>纸张与模板不同</source>
        <translation>Paper differs from the template</translation>
    </message>
    <message>
        <location filename="../../ui/awards/print_page.py" line="338"/>
        <source>{0}

请在打印对话框的“属性”中选择与模板相同的纸张和方向。仍然打印吗？</source>
        <translation>{0}

Choose the template&apos;s paper and orientation under “Properties” in the print dialog. Print anyway?</translation>
    </message>
    <message>
        <location filename="../../ui/awards/print_page.py" line="370"/>
        <source>已生成 {0} 张证书。</source>
        <translation>{0} certificates written.</translation>
    </message>
    <message>
        <location filename="../../ui/awards/print_page.py" line="375"/>
        <source>保存证书</source>
        <translation>Save certificates</translation>
    </message>
    <message>
        <location filename="../../ui/awards/print_page.py" line="387"/>
        <source>已生成校准页：用普通纸按“实际大小”打印，量出尺子的长度和位置，填入“打印机校准…”。</source>
        <translation>Calibration page written: print it on plain paper at &quot;Actual size&quot;, measure the rulers&apos; length and position and enter them in &quot;Printer calibration…&quot;.</translation>
    </message>
    <message>
        <location filename="../../ui/awards/print_page.py" line="99"/>
        <location filename="../../ui/awards/print_page.py" line="380"/>
        <source>套打校准页</source>
        <translation>Calibration page</translation>
    </message>
    <message>
        <location filename="../../ui/awards/print_page.py" line="74"/>
        <source>套打（只打印证书纸上没有的内容）</source>
        <translation>Overprint (only what the certificate paper lacks)</translation>
    </message>
    <message>
        <location filename="../../ui/awards/print_page.py" line="76"/>
        <source>不打印底图、边框样式和模板中标为“纸上已印”的项（如标题），只打印姓名、奖项等</source>
        <translation>Leaves out the background, the design and the fields marked &quot;printed on the paper&quot; (such as the title); prints the name, the award and so on</translation>
    </message>
    <message>
        <location filename="../../ui/awards/print_page.py" line="78"/>
        <source>黑白打印</source>
        <translation>Black and white</translation>
    </message>
    <message>
        <location filename="../../ui/awards/print_page.py" line="79"/>
        <source>不勾选时按彩色打印：红色标题和印章在彩色打印机上是红的</source>
        <translation>Unticked, it prints in colour: the red title and seal come out red on a colour printer</translation>
    </message>
    <message>
        <location filename="../../ui/awards/print_page.py" line="101"/>
        <source>打印校准页…</source>
        <translation>Print calibration page…</translation>
    </message>
    <message>
        <location filename="../../ui/awards/print_page.py" line="102"/>
        <source>保存校准页为 PDF…</source>
        <translation>Save calibration page as PDF…</translation>
    </message>
</context>
<context>
    <name>QuotaModel</name>
    <message>
        <location filename="../../ui/registration/progress_page.py" line="73"/>
        <source>参与率</source>
        <translation>Participation</translation>
    </message>
    <message>
        <location filename="../../ui/registration/progress_page.py" line="75"/>
        <source>科普实践</source>
        <translation>Science practice</translation>
    </message>
    <message>
        <location filename="../../ui/registration/progress_page.py" line="131"/>
        <source>还没有报</source>
        <translation>Nothing yet</translation>
    </message>
    <message>
        <location filename="../../ui/registration/progress_page.py" line="133"/>
        <source>少于名额</source>
        <translation>Below quota</translation>
    </message>
    <message>
        <location filename="../../ui/registration/progress_page.py" line="135"/>
        <source>已达名额</source>
        <translation>Within quota</translation>
    </message>
    <message>
        <location filename="../../ui/registration/progress_page.py" line="137"/>
        <source>超出名额</source>
        <translation>Over quota</translation>
    </message>
    <message>
        <location filename="../../ui/registration/progress_page.py" line="139"/>
        <source>本年级不参加</source>
        <translation>Grade not eligible</translation>
    </message>
</context>
<context>
    <name>RankingPanel</name>
    <message>
        <location filename="../../ui/scoring/ranking.py" line="31"/>
        <source>显示暂定名次（含未评完）</source>
        <translation>Show provisional ranks (incl. incomplete)</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/ranking.py" line="42"/>
        <source>修改记录…</source>
        <translation>Change log…</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/ranking.py" line="44"/>
        <source>实时排名</source>
        <translation>Live ranking</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/ranking.py" line="55"/>
        <source>组别</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/ranking.py" line="56"/>
        <source>名次</source>
        <translation>Rank</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/ranking.py" line="57"/>
        <source>作品</source>
        <translation>Entry</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/ranking.py" line="58"/>
        <source>得分</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/ranking.py" line="59"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/ranking.py" line="65"/>
        <source>{0} 处两遍不一致</source>
        <translation>{0} passes differ</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/ranking.py" line="67"/>
        <source>未评：{0}</source>
        <translation>Missing: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/ranking.py" line="69"/>
        <source>还有试次未测</source>
        <translation>Attempts still to come</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/ranking.py" line="72"/>
        <source>请复核：{0}的总分偏离较大</source>
        <translation>Check: {0}&apos;s total is far from the panel&apos;s</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/ranking.py" line="74"/>
        <source>已评完</source>
        <translation>Judged</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/ranking.py" line="74"/>
        <source>未评分</source>
        <translation>Not scored</translation>
    </message>
</context>
<context>
    <name>RegisterPage</name>
    <message>
        <location filename="../../ui/awards/register_page.py" line="30"/>
        <source>输入证书编号或姓名，或用扫码枪扫描证书上的二维码，按回车</source>
        <translation>Type a certificate number or name, or scan the QR code, then Enter</translation>
    </message>
    <message>
        <location filename="../../ui/awards/register_page.py" line="38"/>
        <source>证书编号</source>
        <translation>Certificate no.</translation>
    </message>
    <message>
        <location filename="../../ui/awards/register_page.py" line="39"/>
        <source>获奖者</source>
        <translation>Winner</translation>
    </message>
    <message>
        <location filename="../../ui/awards/register_page.py" line="40"/>
        <source>班级</source>
        <translation>Class</translation>
    </message>
    <message>
        <location filename="../../ui/awards/register_page.py" line="41"/>
        <source>奖项</source>
        <translation>Award</translation>
    </message>
    <message>
        <location filename="../../ui/awards/register_page.py" line="42"/>
        <source>打印次数</source>
        <translation>Prints</translation>
    </message>
    <message>
        <location filename="../../ui/awards/register_page.py" line="43"/>
        <source>首次登记</source>
        <translation>Issued</translation>
    </message>
    <message>
        <location filename="../../ui/awards/register_page.py" line="44"/>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/awards/register_page.py" line="60"/>
        <source>已编号，未打印完成</source>
        <translation>Numbered, printing not finished</translation>
    </message>
    <message>
        <location filename="../../ui/awards/register_page.py" line="62"/>
        <source>已撤销，作废</source>
        <translation>Withdrawn, void</translation>
    </message>
    <message>
        <location filename="../../ui/awards/register_page.py" line="51"/>
        <source>证书查询</source>
        <translation>Look up</translation>
    </message>
</context>
<context>
    <name>RosterImportDialog</name>
    <message>
        <location filename="../../ui/settings/roster_import_dialog.py" line="31"/>
        <source>导入花名册 — {0}</source>
        <translation>Import roster — {0}</translation>
    </message>
    <message>
        <location filename="../../ui/settings/roster_import_dialog.py" line="40"/>
        <source>新年级 {0} 个，新班级 {1} 个，新学生 {2} 名，更新 {3} 名，已存在且不变 {4} 名。</source>
        <translation>New grades: {0}, new classes: {1}, new students: {2}, updated: {3}, already present and unchanged: {4}.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/roster_import_dialog.py" line="50"/>
        <source>将新建班级：{0}</source>
        <translation>Classes to be created: {0}</translation>
    </message>
</context>
<context>
    <name>Runner</name>
    <message>
        <location filename="../../ui/operations.py" line="223"/>
        <source>正在处理，请稍候…</source>
        <translation>Working, please wait…</translation>
    </message>
    <message>
        <location filename="../../ui/operations.py" line="224"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ScoreGridModel</name>
    <message>
        <location filename="../../ui/scoring/grid.py" line="200"/>
        <source>{0}：扣{1:g}分/处，最多扣{2:g}分。填扣去的分数（不扣就空着）。</source>
        <translation>{0}: {1:g} points off per case, at most {2:g}. Type the points taken off (leave empty when none).</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/grid.py" line="218"/>
        <source>第{0}次</source>
        <translation>Attempt {0}</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/grid.py" line="219"/>
        <source>最好成绩</source>
        <translation>Best</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/grid.py" line="224"/>
        <source>{0}
至多扣{1:g}</source>
        <translation>{0}
deduct ≤ {1:g}</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/grid.py" line="225"/>
        <source>{0}
满分{1:g}</source>
        <translation>{0}
max {1:g}</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/grid.py" line="227"/>
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/grid.py" line="228"/>
        <source>还未评分的评委</source>
        <translation>Judges still to score</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/grid.py" line="247"/>
        <location filename="../../ui/scoring/grid.py" line="264"/>
        <source>回避</source>
        <translation>stands aside</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/grid.py" line="254"/>
        <source>两遍录入不一致：第一遍 {0}，第二遍 {1}。请对照评分表改正其中一遍。</source>
        <translation>The two passes differ: first {0}, second {1}. Check the paper sheet and correct one of them.</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/grid.py" line="265"/>
        <source>未完成</source>
        <translation>incomplete</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/grid.py" line="274"/>
        <source>缺 {0} 位：{1}</source>
        <translation>{0} missing: {1}</translation>
    </message>
</context>
<context>
    <name>ScoreImportDialog</name>
    <message>
        <location filename="../../ui/scoring/score_import_dialog.py" line="36"/>
        <source>导入评分表 — {0}</source>
        <translation>Import score sheets — {0}</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/score_import_dialog.py" line="44"/>
        <source>新录入 {0} 个分数，修改 {1} 个，{2} 个与已录入的相同。</source>
        <translation>{0} new scores, {1} changed, {2} the same as those already entered.</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/score_import_dialog.py" line="49"/>
        <source>将加入评委组：{0}</source>
        <translation>To be added to the panel: {0}</translation>
    </message>
</context>
<context>
    <name>ScoreLogDialog</name>
    <message>
        <location filename="../../ui/scoring/dialogs.py" line="156"/>
        <source>修改记录 — {0}</source>
        <translation>Change log — {0}</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/dialogs.py" line="164"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/dialogs.py" line="165"/>
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/dialogs.py" line="166"/>
        <source>哪个分数</source>
        <translation>Which score</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/dialogs.py" line="167"/>
        <source>原值</source>
        <translation>Old</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/dialogs.py" line="168"/>
        <source>新值</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/dialogs.py" line="169"/>
        <source>录入电脑</source>
        <translation>Station</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/dialogs.py" line="175"/>
        <source>还没有任何修改。</source>
        <translation>No changes yet.</translation>
    </message>
</context>
<context>
    <name>ScoringTab</name>
    <message>
        <location filename="../../ui/scoring/tab.py" line="80"/>
        <source>按评委录入</source>
        <translation>By judge</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/tab.py" line="81"/>
        <source>一位评委的评分表：各班（作品）在左，评分项在上</source>
        <translation>One judge&apos;s sheet: classes (entries) down, criteria across</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/tab.py" line="83"/>
        <source>按作品录入</source>
        <translation>By entry</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/tab.py" line="84"/>
        <source>一个教室（作品）：各位评委在左，评分项在上</source>
        <translation>One classroom (entry): judges down, criteria across</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/tab.py" line="95"/>
        <source>第一遍录入</source>
        <translation>First pass</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/tab.py" line="96"/>
        <source>第二遍核对（盲录）</source>
        <translation>Second pass (blind)</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/tab.py" line="98"/>
        <source>从纸质评分表录入时，第二个人不看第一遍再录一遍；不一致的格子变红，改正后才计分。</source>
        <translation>When typing paper sheets, a second person enters them again without seeing the first pass; cells that differ turn red and count only once corrected.</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/tab.py" line="101"/>
        <source>评委组…</source>
        <translation>Judges…</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/tab.py" line="103"/>
        <source>手机评分…</source>
        <translation>Phone scoring…</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/tab.py" line="104"/>
        <source>评委用自己的手机扫码评分，分数直接进入本表</source>
        <translation>Judges score from their own phones by scanning a code; the scores come straight into this grid</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/tab.py" line="111"/>
        <source>撤销上一个分数</source>
        <translation>Undo last score</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/tab.py" line="137"/>
        <source>比赛项目</source>
        <translation>Competition</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/tab.py" line="255"/>
        <source>评委：{0}</source>
        <translation>Judge: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/tab.py" line="268"/>
        <source>本届科技节还没有需要评分的比赛项目：请先在“作品报名 → 比赛项目”中添加。</source>
        <translation>This festival has no scored competition yet: add one under Entries → Competitions.</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/tab.py" line="284"/>
        <source>「{0}」还没有评委：请点“评委组…”添加。</source>
        <translation>“{0}” has no judges yet: add them with “Judges…”.</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/tab.py" line="307"/>
        <source>已完成 {0}/{1}</source>
        <translation>Done {0}/{1}</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/tab.py" line="311"/>
        <source>&#x3000;·&#x3000;{0} {1}/{2}</source>
        <translation>  ·  {0} {1}/{2}</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/tab.py" line="346"/>
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/tab.py" line="347"/>
        <source>已保存：{0} {1} → {2}</source>
        <translation>Saved: {0} {1} → {2}</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/tab.py" line="370"/>
        <source>没有可以撤销的分数。</source>
        <translation>No score to undo.</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/tab.py" line="382"/>
        <source>已撤销：{0}</source>
        <translation>Undone: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/tab.py" line="398"/>
        <source>解锁成绩…</source>
        <translation>Unlock results…</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/tab.py" line="398"/>
        <location filename="../../ui/scoring/tab.py" line="423"/>
        <source>锁定成绩</source>
        <translation>Lock results</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/tab.py" line="402"/>
        <source>「{0}」的成绩已锁定，不能再改。</source>
        <translation>The results of “{0}” are locked and cannot change.</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/tab.py" line="414"/>
        <source>解锁成绩</source>
        <translation>Unlock results</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/tab.py" line="415"/>
        <source>解锁「{0}」的原因（记入修改记录）：</source>
        <translation>Why unlock “{0}” (kept in the change log):</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/tab.py" line="424"/>
        <source>评审结束，锁定「{0}」的成绩？锁定后不能再改分，解锁需写明原因。</source>
        <translation>Judging is over: lock the results of “{0}”? Scores cannot change once locked; unlocking needs a reason.</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/tab.py" line="459"/>
        <source>「{0}」是测量成绩的项目，手机评分只用于评委打分的项目。</source>
        <translation>“{0}” is scored by measurement; phone scoring is for competitions scored by judges.</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/tab.py" line="489"/>
        <source>{0} 的锁定与解锁</source>
        <translation>Locks and unlocks of {0}</translation>
    </message>
</context>
<context>
    <name>SealDialog</name>
    <message>
        <location filename="../../ui/awards/seal_dialog.py" line="41"/>
        <source>印章预览</source>
        <translation>Seal preview</translation>
    </message>
    <message>
        <location filename="../../ui/awards/seal_dialog.py" line="47"/>
        <source>已按颜色去掉纸张（不论白纸、灰纸或阴影），只留下红色印泥；打印时盖在学校名称和日期上。</source>
        <translation>The paper has been removed by its colour (white, grey or in shadow) and only the red ink kept; it prints over the school&apos;s name and the date.</translation>
    </message>
    <message>
        <location filename="../../ui/awards/seal_dialog.py" line="53"/>
        <source>使用这个印章</source>
        <translation>Use this seal</translation>
    </message>
    <message>
        <location filename="../../ui/awards/seal_dialog.py" line="54"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/awards/seal_dialog.py" line="58"/>
        <source>选择的图片</source>
        <translation>Picture chosen</translation>
    </message>
    <message>
        <location filename="../../ui/awards/seal_dialog.py" line="59"/>
        <source>打印出来的印章</source>
        <translation>Seal as printed</translation>
    </message>
</context>
<context>
    <name>SettingsTab</name>
    <message>
        <location filename="../../ui/settings/tab.py" line="261"/>
        <source>科技节</source>
        <translation>Festival</translation>
    </message>
    <message>
        <location filename="../../ui/settings/tab.py" line="262"/>
        <source>年级与班级</source>
        <translation>Grades and classes</translation>
    </message>
    <message>
        <location filename="../../ui/settings/tab.py" line="263"/>
        <source>教师</source>
        <translation>Teachers</translation>
    </message>
    <message>
        <location filename="../../ui/settings/tab.py" line="264"/>
        <source>学生花名册</source>
        <translation>Student roster</translation>
    </message>
    <message>
        <location filename="../../ui/settings/tab.py" line="265"/>
        <source>界面与数据</source>
        <translation>Interface and data</translation>
    </message>
</context>
<context>
    <name>SheetFiles</name>
    <message>
        <location filename="../../ui/scoring/sheet_files.py" line="41"/>
        <source>评分表</source>
        <translation>Score sheets</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/sheet_files.py" line="44"/>
        <source>打印评委评分表（PDF）…</source>
        <translation>Print judges&apos; sheets (PDF)…</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/sheet_files.py" line="45"/>
        <source>导出评分表（Excel）…</source>
        <translation>Export score sheets (Excel)…</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/sheet_files.py" line="46"/>
        <source>导入填好的评分表…</source>
        <translation>Import filled-in score sheets…</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/sheet_files.py" line="50"/>
        <source>保存评委评分表</source>
        <translation>Save judges&apos; sheets</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/sheet_files.py" line="50"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/sheet_files.py" line="53"/>
        <source>导出评分表</source>
        <translation>Export score sheets</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/sheet_files.py" line="53"/>
        <location filename="../../ui/scoring/sheet_files.py" line="78"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/sheet_files.py" line="73"/>
        <source>已生成 {0} 位评委的评分表。</source>
        <translation>Score sheets written for {0} judges.</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/sheet_files.py" line="74"/>
        <source>正在生成评分表…</source>
        <translation>Writing the score sheets…</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/sheet_files.py" line="78"/>
        <source>导入评分表</source>
        <translation>Import score sheets</translation>
    </message>
    <message>
        <location filename="../../ui/scoring/sheet_files.py" line="91"/>
        <source>已导入：{0}</source>
        <translation>Imported: {0}</translation>
    </message>
</context>
<context>
    <name>StatCard</name>
    <message>
        <location filename="../../ui/summary/tab.py" line="66"/>
        <source>上届 {0}</source>
        <translation>Last time {0}</translation>
    </message>
</context>
<context>
    <name>StudentsPage</name>
    <message>
        <location filename="../../ui/settings/school_pages.py" line="296"/>
        <source>按姓名或学号查找</source>
        <translation>Find by name or student no.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/school_pages.py" line="299"/>
        <source>添加学生…</source>
        <translation>Add student…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/school_pages.py" line="300"/>
        <source>删除所选</source>
        <translation>Delete selected</translation>
    </message>
    <message>
        <location filename="../../ui/settings/school_pages.py" line="301"/>
        <source>导入花名册…</source>
        <translation>Import roster…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/school_pages.py" line="302"/>
        <source>导出花名册…</source>
        <translation>Export roster…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/school_pages.py" line="319"/>
        <source>班级</source>
        <translation>Class</translation>
    </message>
    <message>
        <location filename="../../ui/settings/school_pages.py" line="326"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/settings/school_pages.py" line="331"/>
        <source>性别</source>
        <translation>Gender</translation>
    </message>
    <message>
        <location filename="../../ui/settings/school_pages.py" line="338"/>
        <source>学号</source>
        <translation>Student no.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/school_pages.py" line="343"/>
        <source>出生日期</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../ui/settings/school_pages.py" line="349"/>
        <source>年龄</source>
        <translation>Age</translation>
    </message>
    <message>
        <location filename="../../ui/settings/school_pages.py" line="365"/>
        <source>全部班级</source>
        <translation>All classes</translation>
    </message>
    <message>
        <location filename="../../ui/settings/school_pages.py" line="386"/>
        <source>共 {0} 名学生，显示 {1} 名</source>
        <translation>{0} students, {1} shown</translation>
    </message>
    <message>
        <location filename="../../ui/settings/school_pages.py" line="393"/>
        <source>还没有班级。请先在“年级与班级”中添加班级，或导入花名册。</source>
        <translation>There are no classes yet. Add classes under Grades and classes, or import a roster.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/school_pages.py" line="409"/>
        <source>删除学生</source>
        <translation>Delete students</translation>
    </message>
    <message>
        <location filename="../../ui/settings/school_pages.py" line="409"/>
        <source>删除所选的 {0} 名学生？此操作不能撤销。</source>
        <translation>Delete the {0} selected students? This cannot be undone.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/school_pages.py" line="414"/>
        <source>选择花名册</source>
        <translation>Choose a roster</translation>
    </message>
    <message>
        <location filename="../../ui/settings/school_pages.py" line="414"/>
        <source>Excel 工作簿 (*.xlsx);;所有文件 (*)</source>
        <translation>Excel workbook (*.xlsx);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/school_pages.py" line="432"/>
        <source>导出花名册</source>
        <translation>Export roster</translation>
    </message>
    <message>
        <location filename="../../ui/settings/school_pages.py" line="432"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/school_pages.py" line="432"/>
        <source>花名册</source>
        <translation>roster</translation>
    </message>
    <message>
        <location filename="../../ui/settings/school_pages.py" line="438"/>
        <source>已导出 {0} 名学生的花名册。</source>
        <translation>Exported the roster of {0} students.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/school_pages.py" line="439"/>
        <source>正在导出花名册…</source>
        <translation>Exporting the roster…</translation>
    </message>
</context>
<context>
    <name>SummaryTab</name>
    <message>
        <location filename="../../ui/summary/tab.py" line="96"/>
        <source>参加班级</source>
        <translation>Classes taking part</translation>
    </message>
    <message>
        <location filename="../../ui/summary/tab.py" line="97"/>
        <location filename="../../ui/summary/tab.py" line="414"/>
        <source>参加学生</source>
        <translation>Students taking part</translation>
    </message>
    <message>
        <location filename="../../ui/summary/tab.py" line="98"/>
        <location filename="../../ui/summary/tab.py" line="324"/>
        <source>参与率</source>
        <translation>Participation</translation>
    </message>
    <message>
        <location filename="../../ui/summary/tab.py" line="99"/>
        <location filename="../../ui/summary/tab.py" line="414"/>
        <source>作品</source>
        <translation>Works</translation>
    </message>
    <message>
        <location filename="../../ui/summary/tab.py" line="100"/>
        <source>获奖</source>
        <translation>Awards</translation>
    </message>
    <message>
        <location filename="../../ui/summary/tab.py" line="101"/>
        <source>推荐上级比赛</source>
        <translation>Recommended</translation>
    </message>
    <message>
        <location filename="../../ui/summary/tab.py" line="108"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/summary/tab.py" line="109"/>
        <source>重新统计（评分、评奖有变化后）</source>
        <translation>Count again (after scores or awards changed)</translation>
    </message>
    <message>
        <location filename="../../ui/summary/tab.py" line="111"/>
        <location filename="../../ui/summary/tab.py" line="450"/>
        <source>总结报告</source>
        <translation>Summary report</translation>
    </message>
    <message>
        <location filename="../../ui/summary/tab.py" line="113"/>
        <source>总结报告（PDF）…</source>
        <translation>Summary report (PDF)…</translation>
    </message>
    <message>
        <location filename="../../ui/summary/tab.py" line="114"/>
        <source>总结报告（Excel，每张表一页）…</source>
        <translation>Summary report (Excel, a sheet per table)…</translation>
    </message>
    <message>
        <location filename="../../ui/summary/tab.py" line="121"/>
        <source>参与情况</source>
        <translation>Participation</translation>
    </message>
    <message>
        <location filename="../../ui/summary/tab.py" line="122"/>
        <source>作品与评审</source>
        <translation>Works and judging</translation>
    </message>
    <message>
        <location filename="../../ui/summary/tab.py" line="123"/>
        <source>获奖情况</source>
        <translation>Awards</translation>
    </message>
    <message>
        <location filename="../../ui/summary/tab.py" line="124"/>
        <source>推荐与上报</source>
        <translation>Recommended works</translation>
    </message>
    <message>
        <location filename="../../ui/summary/tab.py" line="125"/>
        <source>科普实践</source>
        <translation>Science practice</translation>
    </message>
    <message>
        <location filename="../../ui/summary/tab.py" line="126"/>
        <source>教师比赛</source>
        <translation>Teachers&apos; contests</translation>
    </message>
    <message>
        <location filename="../../ui/summary/tab.py" line="127"/>
        <source>历年比较</source>
        <translation>Year on year</translation>
    </message>
    <message>
        <location filename="../../ui/summary/tab.py" line="129"/>
        <source>总结</source>
        <translation>Summary text</translation>
    </message>
    <message>
        <location filename="../../ui/summary/tab.py" line="139"/>
        <source>各年级参与率</source>
        <translation>Participation by grade</translation>
    </message>
    <message>
        <location filename="../../ui/summary/tab.py" line="140"/>
        <source>各班参与情况</source>
        <translation>Participation by class</translation>
    </message>
    <message>
        <location filename="../../ui/summary/tab.py" line="154"/>
        <source>各项目作品数（按学部）</source>
        <translation>Works per competition (by section)</translation>
    </message>
    <message>
        <location filename="../../ui/summary/tab.py" line="155"/>
        <source>评审进度（已评完的百分比）</source>
        <translation>Judging progress (share judged)</translation>
    </message>
    <message>
        <location filename="../../ui/summary/tab.py" line="156"/>
        <source>显示评委打分偏差（仅供组织者查看，不进入总结报告）</source>
        <translation>Show the judges&apos; spread (for the organisers only; not in the report)</translation>
    </message>
    <message>
        <location filename="../../ui/summary/tab.py" line="157"/>
        <source>评委打分偏差</source>
        <translation>Judges&apos; spread</translation>
    </message>
    <message>
        <location filename="../../ui/summary/tab.py" line="169"/>
        <source>各年级获奖（按等级）</source>
        <translation>Awards by grade (by level)</translation>
    </message>
    <message>
        <location filename="../../ui/summary/tab.py" line="170"/>
        <source>各班获奖</source>
        <translation>Awards by class</translation>
    </message>
    <message>
        <location filename="../../ui/summary/tab.py" line="171"/>
        <source>集体奖、优秀组织奖与科技辅导员奖</source>
        <translation>Collective, organisation and advisor awards</translation>
    </message>
    <message>
        <location filename="../../ui/summary/tab.py" line="172"/>
        <source>班级考核积分</source>
        <translation>Class points</translation>
    </message>
    <message>
        <location filename="../../ui/summary/tab.py" line="184"/>
        <source>推荐参加上级比赛的作品</source>
        <translation>Works recommended to the higher level</translation>
    </message>
    <message>
        <location filename="../../ui/summary/tab.py" line="185"/>
        <source>按学部、个人或团体统计</source>
        <translation>By section, individual or team</translation>
    </message>
    <message>
        <location filename="../../ui/summary/tab.py" line="187"/>
        <source>生成推荐作品上报表</source>
        <translation>District list</translation>
    </message>
    <message>
        <location filename="../../ui/summary/tab.py" line="189"/>
        <source>上报表（Excel）…</source>
        <translation>District list (Excel)…</translation>
    </message>
    <message>
        <location filename="../../ui/summary/tab.py" line="190"/>
        <source>上报表（PDF，签字盖章用）…</source>
        <translation>District list (PDF, to sign and stamp)…</translation>
    </message>
    <message>
        <location filename="../../ui/summary/tab.py" line="192"/>
        <source>调整列与模板…</source>
        <translation>Columns and templates…</translation>
    </message>
    <message>
        <location filename="../../ui/summary/tab.py" line="195"/>
        <source>在「奖项与证书 → 获奖名单」中推荐作品、记录上级比赛结果；作品说明在「作品报名」中填写。</source>
        <translation>Recommend works and record their higher-level results in Awards → Lists; a work&apos;s description is written in Entries.</translation>
    </message>
    <message>
        <location filename="../../ui/summary/tab.py" line="200"/>
        <source>上报表模板</source>
        <translation>District template</translation>
    </message>
    <message>
        <location filename="../../ui/summary/tab.py" line="214"/>
        <source>科普实践各项目完成率</source>
        <translation>Science practice done, by item</translation>
    </message>
    <message>
        <location filename="../../ui/summary/tab.py" line="215"/>
        <source>各年级完成率</source>
        <translation>Done by grade</translation>
    </message>
    <message>
        <location filename="../../ui/summary/tab.py" line="216"/>
        <source>各班完成率</source>
        <translation>Done by class</translation>
    </message>
    <message>
        <location filename="../../ui/summary/tab.py" line="217"/>
        <source>在「作品报名 → 科普实践」中逐班勾选，或导出实践表请班主任填写后导入。</source>
        <translation>Tick class by class in “Entries → Science practice”, or export the practice sheets for class teachers to fill in and import them.</translation>
    </message>
    <message>
        <location filename="../../ui/summary/tab.py" line="232"/>
        <source>教师比赛（不计入学生的参与和获奖）</source>
        <translation>Teachers&apos; contests (not counted in the pupils&apos; participation and awards)</translation>
    </message>
    <message>
        <location filename="../../ui/summary/tab.py" line="239"/>
        <source>本届与上届</source>
        <translation>This festival and the last</translation>
    </message>
    <message>
        <location filename="../../ui/summary/tab.py" line="241"/>
        <source>数据文件中没有往届科技节。下一届用「新建科技节」并复制本届设置，明年这里就能对比。</source>
        <translation>The data file holds no earlier festival. Create next year&apos;s with New festival, copying this one&apos;s set-up, and the comparison appears here.</translation>
    </message>
    <message>
        <location filename="../../ui/summary/tab.py" line="278"/>
        <source>正在统计…</source>
        <translation>Counting…</translation>
    </message>
    <message>
        <location filename="../../ui/summary/tab.py" line="329"/>
        <source>还没有报名任何比赛的班级：{0}</source>
        <translation>Classes that entered nothing yet: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/summary/tab.py" line="339"/>
        <source>完成率</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ui/summary/tab.py" line="360"/>
        <source>已评完</source>
        <translation>Judged</translation>
    </message>
    <message>
        <location filename="../../ui/summary/tab.py" line="419"/>
        <source>上届</source>
        <translation>Last time</translation>
    </message>
    <message>
        <location filename="../../ui/summary/tab.py" line="427"/>
        <source>本届</source>
        <translation>This time</translation>
    </message>
    <message>
        <location filename="../../ui/summary/tab.py" line="459"/>
        <source>已生成总结报告。</source>
        <translation>Summary report written.</translation>
    </message>
    <message>
        <location filename="../../ui/summary/tab.py" line="460"/>
        <source>正在生成总结报告…</source>
        <translation>Writing the summary report…</translation>
    </message>
    <message>
        <location filename="../../ui/summary/tab.py" line="467"/>
        <source>推荐作品上报表</source>
        <translation>District list of recommended works</translation>
    </message>
    <message>
        <location filename="../../ui/summary/tab.py" line="480"/>
        <source>已生成推荐作品上报表，共 {0} 件。</source>
        <translation>District list written: {0} works.</translation>
    </message>
    <message>
        <location filename="../../ui/summary/tab.py" line="481"/>
        <source>正在生成推荐作品上报表…</source>
        <translation>Writing the list of recommended works…</translation>
    </message>
</context>
<context>
    <name>SummaryTextPage</name>
    <message>
        <location filename="../../ui/summary/text_page.py" line="37"/>
        <source>在这里写本届科技节的总结；可先点“按统计数字生成初稿”，再修改。</source>
        <translation>Write this festival's summary here; start from a draft made from the figures if you like.</translation>
    </message>
    <message>
        <location filename="../../ui/summary/text_page.py" line="46"/>
        <source>按统计数字生成初稿</source>
        <translation>Draft from the figures</translation>
    </message>
    <message>
        <location filename="../../ui/summary/text_page.py" line="70"/>
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../ui/summary/text_page.py" line="81"/>
        <source>没有保存</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <location filename="../../ui/summary/text_page.py" line="83"/>
        <source>已保存</source>
        <translation>Saved</translation>
    </message>
    <message>
        <location filename="../../ui/summary/text_page.py" line="90"/>
        <source>生成初稿</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location filename="../../ui/summary/text_page.py" line="90"/>
        <source>用统计数字生成的初稿替换现在的总结吗？</source>
        <translation>Replace the current summary with a draft made from the figures?</translation>
    </message>
</context>
<context>
    <name>TeachersPage</name>
    <message>
        <location filename="../../ui/settings/school_pages.py" line="231"/>
        <source>按姓名或学科查找</source>
        <translation>Find by name or subject</translation>
    </message>
    <message>
        <location filename="../../ui/settings/school_pages.py" line="234"/>
        <source>添加教师…</source>
        <translation>Add teacher…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/school_pages.py" line="235"/>
        <location filename="../../ui/settings/school_pages.py" line="280"/>
        <source>删除教师</source>
        <translation>Delete teachers</translation>
    </message>
    <message>
        <location filename="../../ui/settings/school_pages.py" line="246"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/settings/school_pages.py" line="251"/>
        <source>学科</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../../ui/settings/school_pages.py" line="255"/>
        <source>担任班主任</source>
        <translation>Head teacher of</translation>
    </message>
    <message>
        <location filename="../../ui/settings/school_pages.py" line="264"/>
        <source>共 {0} 位教师</source>
        <translation>{0} teachers</translation>
    </message>
    <message>
        <location filename="../../ui/settings/school_pages.py" line="280"/>
        <source>删除 {0} 位教师？</source>
        <translation>Delete {0} teachers?</translation>
    </message>
</context>
<context>
    <name>TemplateEditor</name>
    <message>
        <location filename="../../ui/awards/template_editor.py" line="73"/>
        <source>复制为新模板</source>
        <translation>Copy as new template</translation>
    </message>
    <message>
        <location filename="../../ui/awards/template_editor.py" line="75"/>
        <location filename="../../ui/awards/template_editor.py" line="472"/>
        <source>删除模板</source>
        <translation>Delete template</translation>
    </message>
    <message>
        <location filename="../../ui/awards/template_editor.py" line="83"/>
        <source>横向</source>
        <translation>Landscape</translation>
    </message>
    <message>
        <location filename="../../ui/awards/template_editor.py" line="93"/>
        <source>打印底图（普通纸）；不勾选为套打</source>
        <translation>Print the background (plain paper); off for overprinting</translation>
    </message>
    <message>
        <location filename="../../ui/awards/template_editor.py" line="96"/>
        <source>底图…</source>
        <translation>Background…</translation>
    </message>
    <message>
        <location filename="../../ui/awards/template_editor.py" line="98"/>
        <source>印章图片…</source>
        <translation>Seal image…</translation>
    </message>
    <message>
        <location filename="../../ui/awards/template_editor.py" line="100"/>
        <source>去掉底图和印章</source>
        <translation>Remove background and seal</translation>
    </message>
    <message>
        <location filename="../../ui/awards/template_editor.py" line="123"/>
        <source>自动换行</source>
        <translation>Wrap</translation>
    </message>
    <message>
        <location filename="../../ui/awards/template_editor.py" line="124"/>
        <source>打印这一项</source>
        <translation>Print this field</translation>
    </message>
    <message>
        <location filename="../../ui/awards/template_editor.py" line="125"/>
        <source>纸上已印（套打时不打印）</source>
        <translation>Printed on the paper (left out when overprinting)</translation>
    </message>
    <message>
        <location filename="../../ui/awards/template_editor.py" line="127"/>
        <source>买来的证书纸上已经印好的内容，如标题、“特发此证”等固定文字</source>
        <translation>What the bought certificate paper already carries, such as the title or fixed wording like 特发此证</translation>
    </message>
    <message>
        <location filename="../../ui/awards/template_editor.py" line="129"/>
        <source>突出姓名</source>
        <translation>Emphasise the name</translation>
    </message>
    <message>
        <location filename="../../ui/awards/template_editor.py" line="130"/>
        <source>{姓名} 用粗体标题字、放大一些打印</source>
        <translation>{姓名} printed larger, in the heavy title face</translation>
    </message>
    <message>
        <location filename="../../ui/awards/template_editor.py" line="170"/>
        <source>模板</source>
        <translation>Template</translation>
    </message>
    <message>
        <location filename="../../ui/awards/template_editor.py" line="175"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/awards/template_editor.py" line="179"/>
        <source>纸张</source>
        <translation>Paper</translation>
    </message>
    <message>
        <location filename="../../ui/awards/template_editor.py" line="184"/>
        <source>宽×高（毫米）</source>
        <translation>Width × height (mm)</translation>
    </message>
    <message>
        <location filename="../../ui/awards/template_editor.py" line="189"/>
        <source>每张纸（列×行）</source>
        <translation>Per sheet (columns × rows)</translation>
    </message>
    <message>
        <location filename="../../ui/awards/template_editor.py" line="190"/>
        <source>日期写法</source>
        <translation>Date style</translation>
    </message>
    <message>
        <location filename="../../ui/awards/template_editor.py" line="195"/>
        <source>打印偏移 X / Y（毫米）</source>
        <translation>Printer offset X / Y (mm)</translation>
    </message>
    <message>
        <location filename="../../ui/awards/template_editor.py" line="201"/>
        <source>内容</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../ui/awards/template_editor.py" line="205"/>
        <source>X / Y / 宽（毫米）</source>
        <translation>X / Y / width (mm)</translation>
    </message>
    <message>
        <location filename="../../ui/awards/template_editor.py" line="206"/>
        <source>字体</source>
        <translation>Font</translation>
    </message>
    <message>
        <location filename="../../ui/awards/template_editor.py" line="207"/>
        <source>字号（磅）</source>
        <translation>Size (pt)</translation>
    </message>
    <message>
        <location filename="../../ui/awards/template_editor.py" line="208"/>
        <source>对齐</source>
        <translation>Alignment</translation>
    </message>
    <message>
        <location filename="../../ui/awards/template_editor.py" line="220"/>
        <source>字段（可在右边的预览上拖动位置）</source>
        <translation>Fields (drag them on the preview)</translation>
    </message>
    <message>
        <location filename="../../ui/awards/template_editor.py" line="228"/>
        <source>样式（点一下即可换用；套打请选“白纸”）</source>
        <translation>Design (one click to use it; for pre-printed paper choose “Plain paper”)</translation>
    </message>
    <message>
        <location filename="../../ui/awards/template_editor.py" line="429"/>
        <source>选择图片</source>
        <translation>Choose an image</translation>
    </message>
    <message>
        <location filename="../../ui/awards/template_editor.py" line="429"/>
        <source>图片 (*.png *.jpg *.jpeg)</source>
        <translation>Images (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location filename="../../ui/awards/template_editor.py" line="441"/>
        <source>无法读取「{0}」：{1}</source>
        <translation>Cannot read “{0}”: {1}</translation>
    </message>
    <message>
        <location filename="../../ui/awards/template_editor.py" line="464"/>
        <source>{0}（副本）</source>
        <translation>{0} (copy)</translation>
    </message>
    <message>
        <location filename="../../ui/awards/template_editor.py" line="472"/>
        <source>删除模板「{0}」吗？</source>
        <translation>Delete the template “{0}”?</translation>
    </message>
</context>
<context>
    <name>WorkDialog</name>
    <message>
        <location filename="../../ui/practice/dialogs.py" line="279"/>
        <source>报为参赛作品</source>
        <translation>Enter as a competition work</translation>
    </message>
    <message>
        <location filename="../../ui/practice/dialogs.py" line="290"/>
        <source>如 《昆虫记》读后感</source>
        <translation>e.g. On “The Insect World”</translation>
    </message>
    <message>
        <location filename="../../ui/practice/dialogs.py" line="297"/>
        <source>作者</source>
        <translation>Authors</translation>
    </message>
    <message>
        <location filename="../../ui/practice/dialogs.py" line="298"/>
        <source>比赛项目</source>
        <translation>Competition</translation>
    </message>
    <message>
        <location filename="../../ui/practice/dialogs.py" line="299"/>
        <source>作品类型</source>
        <translation>Type of work</translation>
    </message>
    <message>
        <location filename="../../ui/practice/dialogs.py" line="300"/>
        <source>作品题目</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../ui/practice/dialogs.py" line="301"/>
        <source>指导老师</source>
        <translation>Advisor</translation>
    </message>
    <message>
        <location filename="../../ui/practice/dialogs.py" line="322"/>
        <source>请选择比赛项目。</source>
        <translation>Choose a competition.</translation>
    </message>
    <message>
        <location filename="../../ui/practice/dialogs.py" line="335"/>
        <source>已过截止日期</source>
        <translation>Deadline passed</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../ui/app.py" line="161"/>
        <source>科技节上次（{0} 打开的那次）意外停止了。在那之前保存的每一个分数和修改都还在。原因已记在 {1}，请发给技术支持。</source>
        <translation>科技节 stopped unexpectedly last time (the session opened {0}). Every score and change saved before then is kept. The cause is recorded in {1}; please send it to technical support.</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="166"/>
        <source>科技节上次（{0} 打开的那次）没有正常关闭（可能是断电或被强制结束）。在那之前保存的每一个分数和修改都还在。</source>
        <translation>科技节 did not close normally last time (the session opened {0}; perhaps a power cut or a forced end). Every score and change saved before then is kept.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../../main.py" line="31"/>
        <source>程序出错了</source>
        <translation>Something went wrong</translation>
    </message>
    <message>
        <location filename="../../main.py" line="32"/>
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
        <location filename="../../ui/widgets/messages.py" line="20"/>
        <source>未能完成</source>
        <translation>Could not be done</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/messages.py" line="45"/>
        <source>已保存</source>
        <translation>Saved</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/messages.py" line="51"/>
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/messages.py" line="53"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>numbers</name>
    <message>
        <location filename="../../ui/widgets/numbers.py" line="31"/>
        <source>{0}应是数字（填的是「{1}」）。</source>
        <translation>{0} must be a number (you typed “{1}”).</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/numbers.py" line="36"/>
        <source>{0}应是整数（填的是「{1}」）。</source>
        <translation>{0} must be a whole number (you typed “{1}”).</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/numbers.py" line="43"/>
        <source>{0}应在 {1} 到 {2} 之间（填的是 {3}）。</source>
        <translation>{0} must be between {1} and {2} (you typed {3}).</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/numbers.py" line="49"/>
        <source>{0}不能小于 {1}（填的是 {2}）。</source>
        <translation>{0} cannot be less than {1} (you typed {2}).</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/numbers.py" line="54"/>
        <source>{0}不能大于 {1}（填的是 {2}）。</source>
        <translation>{0} cannot be more than {1} (you typed {2}).</translation>
    </message>
</context>
<context>
    <name>opening</name>
    <message>
        <location filename="../../ui/opening.py" line="37"/>
        <source>无法打开科技节数据文件</source>
        <translation>Cannot open the festival file</translation>
    </message>
    <message>
        <location filename="../../ui/opening.py" line="42"/>
        <source>打开其他文件…</source>
        <translation>Open another file…</translation>
    </message>
    <message>
        <location filename="../../ui/opening.py" line="44"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../ui/opening.py" line="50"/>
        <source>选择科技节数据文件</source>
        <translation>Choose a festival file</translation>
    </message>
    <message>
        <location filename="../../ui/opening.py" line="51"/>
        <source>科技节数据文件 (*.db);;所有文件 (*)</source>
        <translation>Festival files (*.db);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/opening.py" line="62"/>
        <source>科技节的全部数据（活动、作品、成绩、证书记录和自动备份）将保存在：
{0}

如果这台电脑装有还原卡或“冰点还原”等还原软件，重启后 C 盘会被还原，保存在这里的数据也会丢失。

要换一个不会被还原的位置（例如 D 盘上的文件夹）吗？以后可在“学校与设置 → 界面与数据”中查看数据位置。</source>
        <translation>All of 科技节&apos;s data (activities, entries, scores, certificate records and automatic backups) will be kept in:
{0}

If this PC has a restore card or restore software such as Deep Freeze, drive C: is reset at every restart and the data kept here is lost with it.

Choose a place that is not reset (a folder on drive D:, say)? The data&apos;s place is shown later under 学校与设置 → 界面与数据.</translation>
    </message>
    <message>
        <location filename="../../ui/opening.py" line="68"/>
        <source>数据保存在哪里</source>
        <translation>Where the data is kept</translation>
    </message>
    <message>
        <location filename="../../ui/opening.py" line="70"/>
        <source>选择保存科技节数据的文件夹</source>
        <translation>Choose the folder for 科技节&apos;s data</translation>
    </message>
    <message>
        <location filename="../../ui/opening.py" line="83"/>
        <source>这个数据文件正由另一台电脑（{0}）上的科技节打开。几台电脑不能通过共享文件夹同时使用同一个数据文件（可能损坏数据）：请在那台电脑上关闭科技节后再打开；几台电脑同时评分请改用 PostgreSQL 服务器。如果那台电脑已经关机，删除同一文件夹中的「{1}」后再打开。</source>
        <translation>This festival file is open in 科技节 on another PC ({0}). Several PCs cannot use one festival file through a shared folder (the data could be damaged): close 科技节 on that PC and open it again; for scoring on several PCs use a PostgreSQL server. If that PC is already off, delete “{1}” in the same folder and open the file again.</translation>
    </message>
    <message>
        <location filename="../../ui/opening.py" line="99"/>
        <source>数据文件已损坏</source>
        <translation>The data file is damaged</translation>
    </message>
    <message>
        <location filename="../../ui/opening.py" line="104"/>
        <source>最近一次正常的备份：{0}（{1}）。
用它恢复吗？损坏的文件会改名保存在原处，不会删除。</source>
        <translation>Latest good backup: {0} ({1}).
Restore it? The damaged file is renamed and kept where it is, never deleted.</translation>
    </message>
    <message>
        <location filename="../../ui/opening.py" line="109"/>
        <source>用这个备份恢复</source>
        <translation>Restore this backup</translation>
    </message>
    <message>
        <location filename="../../ui/opening.py" line="111"/>
        <source>不恢复</source>
        <translation>Do not restore</translation>
    </message>
    <message>
        <location filename="../../ui/opening.py" line="118"/>
        <source>恢复失败</source>
        <translation>Restore failed</translation>
    </message>
    <message>
        <location filename="../../ui/opening.py" line="156"/>
        <source>另一个科技节窗口（电脑 {0}，进程 {1}）也打开了这个数据文件。两个窗口都可以使用：每次修改都立即保存，评分和排行榜会互相显示；请不要两边同时修改同一项内容。</source>
        <translation>Another 科技节 window (computer {0}, process {1}) has this data file open too. Both windows work: every change is saved at once and scores and the leaderboard show in both; do not edit the same item in both at the same time.</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <location filename="../../ui/awards/lists_page.py" line="52"/>
        <source>不获奖</source>
        <translation>No award</translation>
    </message>
    <message>
        <location filename="../../ui/awards/lists_page.py" line="56"/>
        <location filename="../../ui/awards/lists_page.py" line="61"/>
        <source>调整奖项</source>
        <translation>Change award</translation>
    </message>
    <message>
        <location filename="../../ui/awards/lists_page.py" line="56"/>
        <source>{0}
改为：</source>
        <translation>{0}
change to:</translation>
    </message>
    <message>
        <location filename="../../ui/awards/lists_page.py" line="61"/>
        <source>调整的原因（记入修改记录）：</source>
        <translation>Reason for the change (kept in the log):</translation>
    </message>
</context>
<context>
    <name>printing</name>
    <message>
        <location filename="../../ui/awards/printing.py" line="186"/>
        <source>横向</source>
        <translation>landscape</translation>
    </message>
    <message>
        <location filename="../../ui/awards/printing.py" line="188"/>
        <source>纵向</source>
        <translation>portrait</translation>
    </message>
    <message>
        <location filename="../../ui/awards/printing.py" line="190"/>
        <source>{0}×{1} 毫米（{2}）</source>
        <translation>{0}×{1} mm ({2})</translation>
    </message>
    <message>
        <location filename="../../ui/awards/printing.py" line="194"/>
        <source>打印机的纸张是 {0}，证书模板是 {1}：证书不会按 100% 打在纸上。</source>
        <translation>The printer&apos;s paper is {0}, the certificate template is {1}: the certificates will not print at 100 %.</translation>
    </message>
    <message>
        <location filename="../../ui/awards/printing.py" line="215"/>
        <source>打印机没有接受打印任务（可能已取消），证书没有打印，也没有记为已打印。</source>
        <translation>The printer did not accept the job (perhaps cancelled); the certificates were not printed nor recorded as printed.</translation>
    </message>
    <message>
        <location filename="../../ui/awards/printing.py" line="228"/>
        <source>打印中断，证书没有全部打印，没有记为已打印。</source>
        <translation>Printing was interrupted; not all certificates were printed and none is recorded as printed.</translation>
    </message>
    <message>
        <location filename="../../ui/awards/printing.py" line="243"/>
        <source>已取消打印，证书没有记为已打印。</source>
        <translation>Printing cancelled; the certificates are not recorded as printed.</translation>
    </message>
    <message>
        <location filename="../../ui/awards/printing.py" line="248"/>
        <source>打印机没有完成打印任务，证书没有记为已打印。</source>
        <translation>The printer did not finish the job; the certificates are not recorded as printed.</translation>
    </message>
</context>
</TS>
