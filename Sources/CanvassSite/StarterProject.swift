import CanvassCore

/// The small project `canvass new` writes: a config, a codebook, two notes, a survey, a persona
/// narrative, support records, a report page and an improvement action, so that every kind of
/// page appears at once.
/// The survey is generated from a fixed seed, so two `new` runs write the same files.
public enum StarterProject {
    /// Path relative to the new project → contents.
    public static func files(language: Language) -> [String: String] {
        let text = language == .chinese ? Text.chinese : Text.english
        return [
            "canvass.yml": config(language: language, title: text.title),
            ".gitignore": "/site/\n/.canvass-cache/\n",
            "content/data/codebook.yml": text.codebook,
            "content/interviews/first-interview.md": text.interview,
            "content/interviews/support-call.md": text.supportCall,
            "content/personas/newcomers.md": text.persona,
            "content/pages/summary.md": text.summary,
            "content/actions/first-day-checklist.md": text.action,
            "content/surveys/survey.csv": survey(),
            "content/records/tickets.csv": tickets(),
        ]
    }

    static func config(language: Language, title: String) -> String {
        """
        # Your study. Every key is explained in the Canvass documentation; start by renaming the
        # dimensions to the ones your customers judge you on.
        title: "\(title)"
        language: \(language.rawValue)
        baseURL: /
        scale: {min: 1, max: 7}
        dimensions:
          - {id: product, label: "\(language == .chinese ? "产品功能" : "Product")", weight: 50}
          - {id: service, label: "\(language == .chinese ? "服务" : "Service")", weight: 50}
        commitments: {P1: 4h, P2: 1d}
        profile: internal
        surveys:
          - file: surveys/survey.csv
            id: respondent_id
            pairs:
              product: {expectation: exp_product, perception: perc_product, importance: imp_product}
              service: {expectation: exp_service, perception: perc_service, importance: imp_service}
            nps: recommend
            csat: {column: satisfied, scale: {min: 1, max: 5}, top: 2}
            attributes: {age: numeric, plan: category}
            kano:
              export: {functional: kano_export_f, dysfunctional: kano_export_d}
        breakdowns: [plan]
        labels:
          plan: {en: Plan, zh-Hans: 套餐}
          plan.basic: {en: Basic, zh-Hans: 基础版}
          plan.pro: {en: Pro, zh-Hans: 专业版}
          age: {en: Age, zh-Hans: 年龄}
        personas:
          method: k-prototypes
          attributes: [age, plan]
          k: 2
          seed: 1
        records:
          - file: records/tickets.csv
            priority: priority
            opened: opened_at
            responded: first_response_at
            resolved: resolved_at
            dimension: dimension

        """
    }

    /// 80 respondents; seeded so the file is the same every time.
    static func survey() -> String {
        var random = SeededGenerator(seed: 7)
        var lines = ["respondent_id,exp_product,perc_product,imp_product,exp_service,perc_service,imp_service,recommend,satisfied,age,plan,kano_export_f,kano_export_d"]
        for index in 1...80 {
            let pro = random.index(below: 2) == 0
            let age = pro ? 38 + random.index(below: 20) : 22 + random.index(below: 14)
            let values = [
                5 + random.index(below: 3), 3 + random.index(below: 4) + (pro ? 1 : 0), 4 + random.index(below: 4),
                5 + random.index(below: 3), 2 + random.index(below: 4), 5 + random.index(below: 3),
                pro ? 6 + random.index(below: 5) : 2 + random.index(below: 8), 2 + random.index(below: 4),
            ]
            let kano = [(1, 5), (2, 4), (1, 4), (3, 3)][random.index(below: 4)]
            lines.append("r-\(String(format: "%03d", index)),"
                + values.map(String.init).joined(separator: ",")
                + ",\(age),\(pro ? "pro" : "basic"),\(kano.0),\(kano.1)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// 30 support tickets across two priorities and dimensions.
    static func tickets() -> String {
        var random = SeededGenerator(seed: 11)
        var lines = ["ticket,priority,opened_at,first_response_at,resolved_at,dimension"]
        for index in 1...30 {
            let urgent = index % 3 == 0
            let day = 1 + index % 28
            let hour = 8 + random.index(below: 8)
            let respondMinutes = urgent ? 30 + random.index(below: 300) : 60 + random.index(below: 1800)
            let resolveMinutes = respondMinutes + 60 + random.index(below: 2000)
            func stamp(_ minutes: Int) -> String {
                let total = hour * 60 + minutes
                return String(format: "2026-10-%02dT%02d:%02d:00Z", day + total / 1440, total % 1440 / 60, total % 60)
            }
            lines.append("T-\(100 + index),\(urgent ? "P1" : "P2"),\(stamp(0)),\(stamp(respondMinutes)),\(stamp(resolveMinutes)),\(index % 2 == 0 ? "product" : "service")")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    struct Text {
        var title, codebook, interview, supportCall, persona, summary, action: String

        static let english = Text(
            title: "My first study",
            codebook: """
            # Themes group the tags you write in notes; needs are what people asked for (#need/…).
            themes:
              - id: onboarding
                label: Getting started
                dimension: service
                description: The first days with the product.
                tags: [onboarding, setup]
              - id: exports
                label: Exports and reports
                dimension: product
                tags: [exports, reports]
              - id: support
                label: Support
                dimension: service
                tags: [support]
              - id: needs
                label: Explicit requests
                tags: [need]
            needs:
              - id: checklist
                label: A first-day checklist
                dimension: service
              - id: excel-export
                label: Export to a spreadsheet
                dimension: product

            """,
            interview: """
            ---
            title: First interview
            date: 2026-10-01
            method: interview
            summary: An office manager on the first week with the product.
            participants:
              - id: r-001
                name: Sam Lee
                role: Office manager
                attributes: {age: 41, plan: pro}
            ---
            ## Getting started

            > The first week was confusing; nobody told us what to set up first. #onboarding #need/checklist
            > — r-001

            - Asked for a printed list of first steps #onboarding #need/checklist

            ## Reports

            > Every Friday I copy the numbers into a spreadsheet by hand. #exports #need/excel-export
            > — r-001

            """,
            supportCall: """
            ---
            title: Support call about exports
            date: 2026-10-08
            method: support
            summary: A customer could not find where reports are exported.
            participants:
              - {id: r-002, name: Alex Kim, role: Owner, attributes: {age: 29, plan: basic}}
            ---
            > I looked for an export button for twenty minutes, then I called you. #exports #support
            > — r-002

            - The answer came quickly and was friendly #support

            """,
            persona: """
            ---
            id: plan-basic-age-low
            name: Newcomers
            summary: Smaller customers on the basic plan, in their first months.
            ---
            They learn the product alone and judge it by the first week. See [Getting started](theme:onboarding).

            """,
            summary: """
            ---
            title: Summary
            order: 1
            summary: What the study found, in one page.
            ---
            ## Where we fall short

            ```{gap-chart}
            ```

            ## What people ask for

            ```{needs-table}
            limit: 5
            ```

            """,
            action: """
            ---
            title: Send every new customer a first-day checklist
            owner: Customer success
            status: planned
            due: 2027-01-31
            addresses: [need:checklist, theme:onboarding, dimension:service]
            targets:
              - {metric: gap.service, value: -1}
            ---
            What the team will do about what the notes ask for. Once it has started, give it a
            `start` date; the next survey wave (`wave:` or `waveColumn:` in canvass.yml) shows
            whether the service gap closed.

            """)

        static let chinese = Text(
            title: "我的第一项研究",
            codebook: """
            # 主题把笔记里的标签归在一起；需求是受访者明确提出的要求（#need/…）。
            themes:
              - id: onboarding
                label: 上手
                dimension: service
                description: 使用产品的头几天。
                tags: [上手, 设置]
              - id: exports
                label: 导出和报表
                dimension: product
                tags: [导出, 报表]
              - id: support
                label: 客服
                dimension: service
                tags: [客服]
              - id: needs
                label: 明确的要求
                tags: [need]
            needs:
              - id: checklist
                label: 第一天的清单
                dimension: service
              - id: excel-export
                label: 导出到表格
                dimension: product

            """,
            interview: """
            ---
            title: 第一次访谈
            date: 2026-10-01
            method: interview
            summary: 一位办公室主任谈第一周的使用体验。
            participants:
              - id: r-001
                name: 李明
                role: 办公室主任
                attributes: {age: 41, plan: pro}
            ---
            ## 上手

            > 第一周很混乱，没人告诉我们先设置什么。 #上手 #need/checklist
            > — r-001

            - 希望有一张打印出来的第一步清单 #上手 #need/checklist

            ## 报表

            > 每个星期五我都要把数字手工抄到表格里。 #导出 #need/excel-export
            > — r-001

            """,
            supportCall: """
            ---
            title: 关于导出的客服电话
            date: 2026-10-08
            method: support
            summary: 一位客户找不到导出报表的地方。
            participants:
              - {id: r-002, name: 王芳, role: 店主, attributes: {age: 29, plan: basic}}
            ---
            > 我找导出按钮找了二十分钟，最后只好打电话。 #导出 #客服
            > — r-002

            - 回复很快，态度也好 #客服

            """,
            persona: """
            ---
            id: plan-basic-age-low
            name: 新用户
            summary: 使用基础版、刚开始几个月的小客户。
            ---
            他们独自摸索产品，用第一周的体验来评价它。参见[上手](theme:onboarding)。

            """,
            summary: """
            ---
            title: 摘要
            order: 1
            summary: 一页纸说清研究的发现。
            ---
            ## 我们的差距

            ```{gap-chart}
            ```

            ## 用户的要求

            ```{needs-table}
            limit: 5
            ```

            """,
            action: """
            ---
            title: 给每位新客户发一份上线第一天清单
            owner: 客户成功团队
            status: planned
            due: 2027-01-31
            addresses: [need:checklist, theme:onboarding, dimension:service]
            targets:
              - {metric: gap.service, value: -1}
            ---
            团队针对笔记中的要求要做的事。开始后请填写 `start` 日期；下一期调查（canvass.yml 中的
            `wave:` 或 `waveColumn:`）会显示服务差距是否缩小。

            """)
    }
}
