import Testing

@testable import StackPlanCore

@Suite("Portfolio forecast")
struct PortfolioForecastTests {
    @Test func combinesPlanCreditsAndSurcharge() throws {
        typealias F = PlannerFixture
        let customers = [
            // On 2026-09-01: 1.33 is past EKS standard support (2026-07-29): overdue steps and a surcharge.
            F.customer("late", production: [F.cluster("a", "1.33")], staging: [F.cluster("b", "1.36")]),
            F.customer("fine", production: [F.cluster("c", "1.36")], staging: [F.cluster("d", "1.36")]),
        ]
        let plan = F.plan(customers)
        let inventory = Inventory(pods: [Pod(id: "pod", upgradesPerWeek: 10)], customers: customers)
        let credits = [
            CustomerCredit(
                customer: "fine", month: MonthKey(year: 2026, month: 8), missed: 2, eligible: 2, exposure: 500, owed: 0,
                cap: 1000)
        ]
        let forecast = PortfolioForecast(
            plan: plan, inventory: inventory, catalog: F.catalog, credits: credits, horizonMonths: 3)
        #expect(forecast.customers.map(\.id) == ["late", "fine"])
        let late = try #require(forecast.customers.first)
        #expect(late.riskRank == 1)
        // 1.33→1.34 due 2026-02-03, 1.34→1.35 due 2026-05-28: overdue; 1.35→1.36 due 2026-09-30: within 30 days.
        #expect(late.overdue == 2)
        #expect(late.dueWithinHorizon == 1)
        #expect(late.nextDue?.description == "2026-09-30")
        #expect(late.clustersOutsideSLA == 1)
        #expect(late.extendedSupportSurcharge == 365)
        #expect(late.extendedSupportEnds?.description == "2027-07-29")
        // Next due in human views: the earliest due date, overdue ones included.
        #expect(late.firstDue?.description == "2026-02-03")
        let fine = try #require(forecast.customers.last)
        #expect(fine.creditExposure == 500 && fine.overdue == 0 && fine.extendedSupportSurcharge == 0)
        #expect(forecast.deadlines.map(\.month.description) == ["2026-09", "2026-10", "2026-11", "2026-12"])
        // Two overdue due dates count in the first month with the one due on 2026-09-30.
        #expect(forecast.deadlines.first?.count == 3)
    }

    @Test func noSurchargeOncePastTheEndOfExtendedSupport() throws {
        typealias F = PlannerFixture
        // 1.31's extended support ended on 2026-11-26: EKS upgrades it by force; nothing is billed.
        let customers = [F.customer("forced", production: [F.cluster("a", "1.31")], staging: [F.cluster("b", "1.36")])]
        let inventory = Inventory(pods: [Pod(id: "pod", upgradesPerWeek: 10)], customers: customers)
        let before = PortfolioForecast(
            plan: F.plan(customers, asOf: "2026-11-25"), inventory: inventory, catalog: F.catalog, credits: [],
            horizonMonths: 3)
        #expect(before.customers.first?.extendedSupportSurcharge == 365)
        #expect(before.customers.first?.extendedSupportEnds?.description == "2026-11-26")
        let after = PortfolioForecast(
            plan: F.plan(customers, asOf: "2026-12-01"), inventory: inventory, catalog: F.catalog, credits: [],
            horizonMonths: 3)
        #expect(after.customers.first?.extendedSupportSurcharge == 0)
        #expect(after.customers.first?.extendedSupportEnds == nil)
    }
}
