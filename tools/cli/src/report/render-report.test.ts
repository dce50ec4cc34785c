import { describe, expect, it } from 'vitest';

import { renderReportCsv } from './render-report-csv.ts';
import { renderReportHtml } from './render-report-html.ts';
import { renderReportJson } from './render-report-json.ts';
import { renderReportTable } from './render-report-table.ts';
import { deal, EVIL, fixedReview, NOW_MS, STRATEGY } from './report-fixture.test-support.ts';
import { createReviewAccumulator, StrategyReview } from '@strategy-fit/core';

/** RFC 4180 fields of one line: quoted fields may hold commas and doubled quotes. */
const splitCsvLine = (line: string): string[] =>
  [...line.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)].map((m) => m[1] ?? '');

const options = {
  strategyName: 'B2B SaaS 2026',
  stageLabels: { contractsent: 'Contract sent (90%)' },
};
const recordUrl = (objectType: 'company' | 'deal', id: string) =>
  `https://app.hubspot.com/contacts/12345/record/${objectType === 'deal' ? '0-3' : '0-2'}/${id}`;

describe('renderReportTable', () => {
  it('renders a fixed review the same way every time', () => {
    expect(renderReportTable(fixedReview(), options)).toMatchInlineSnapshot(`
      "Strategy review: B2B SaaS 2026 (version 2, 2026-03-01)

      Partial figures: Only the first 10,000 open deals were read

      Focus guard: 57 % of your companies are dream or fit customers: that is not a focus.
        57.1% of 7 scored companies are dream or fit; the guard warns above 50%.

      !! The strategy may be miscalibrated: off-strategy deals win at least as often as fit deals.
      !! Off strategy: 33.3% of 21 closed deals; fit: 25% of 20 closed deals.

      Summary
        Companies                   8
        Open deals                  5 (pipeline 275,000)
        Closed deals                41
        Off strategy, unapproved    80,000 in 2 deals (29.1% of open pipeline)
        Approved exceptions         30,000 in 1 deal
        Fit deals vs off strategy   fit deals win 0.8x as often
        Won off-strategy (12 mo.)   1 deal (64,000) from off-strategy companies
        Stale scores                3 companies, 1 deal

      Tier distribution
        Partial: Only the first 10,000 open deals were read
      ┌──────────────┬───────────┬───────┬────────────┬───────────────┬───────┐
      │ Tier         │ Companies │ Share │ Open deals │ Open pipeline │ Share │
      ├──────────────┼───────────┼───────┼────────────┼───────────────┼───────┤
      │ Dream        │         3 │ 37.5% │          1 │       120,000 │ 43.6% │
      ├──────────────┼───────────┼───────┼────────────┼───────────────┼───────┤
      │ Fit          │         1 │ 12.5% │          1 │        45,000 │ 16.4% │
      ├──────────────┼───────────┼───────┼────────────┼───────────────┼───────┤
      │ Stretch      │         1 │ 12.5% │          0 │             0 │    0% │
      ├──────────────┼───────────┼───────┼────────────┼───────────────┼───────┤
      │ Needs data   │         0 │    0% │          0 │             0 │    0% │
      ├──────────────┼───────────┼───────┼────────────┼───────────────┼───────┤
      │ Off strategy │         1 │ 12.5% │          2 │        30,000 │ 10.9% │
      ├──────────────┼───────────┼───────┼────────────┼───────────────┼───────┤
      │ Refused      │         1 │ 12.5% │          1 │        80,000 │ 29.1% │
      ├──────────────┼───────────┼───────┼────────────┼───────────────┼───────┤
      │ Not scored   │         1 │ 12.5% │          0 │             0 │    0% │
      └──────────────┴───────────┴───────┴────────────┴───────────────┴───────┘

      Off-strategy pipeline (open deals)
        Partial: Only the first 10,000 open deals were read
      ┌─────────────────┬────────────┬────────┬──────────┬────────┐
      │ Owner           │ Unapproved │ Amount │ Approved │ Amount │
      ├─────────────────┼────────────┼────────┼──────────┼────────┤
      │ Bea <b>Bold</b> │          1 │ 80,000 │        1 │ 30,000 │
      ├─────────────────┼────────────┼────────┼──────────┼────────┤
      │ Owner o3        │          1 │      0 │        0 │      0 │
      └─────────────────┴────────────┴────────┴──────────┴────────┘
      ┌──────────────────┬────────────┬────────┬──────────┬────────┐
      │ Stage            │ Unapproved │ Amount │ Approved │ Amount │
      ├──────────────────┼────────────┼────────┼──────────┼────────┤
      │ Qualified to buy │          2 │ 80,000 │        1 │ 30,000 │
      └──────────────────┴────────────┴────────┴──────────┴────────┘
      ┌──────────────────────────────────────────┬────────────┬────────┬──────────┬────────┐
      │ Reason                                   │ Unapproved │ Amount │ Approved │ Amount │
      ├──────────────────────────────────────────┼────────────┼────────┼──────────┼────────┤
      │ Refused: We do not sell to the public s… │          1 │ 80,000 │        0 │      0 │
      ├──────────────────────────────────────────┼────────────┼────────┼──────────┼────────┤
      │ Off strategy: no segment reaches the st… │          1 │      0 │        1 │ 30,000 │
      └──────────────────────────────────────────┴────────────┴────────┴──────────┴────────┘
      ┌──────────────────────────┬────────┬─────────────────┬──────────────────┬────────────────────────┐
      │ Largest deals            │ Amount │ Owner           │ Stage            │ Exception              │
      ├──────────────────────────┼────────┼─────────────────┼──────────────────┼────────────────────────┤
      │ Ministry tender          │ 80,000 │ Bea <b>Bold</b> │ Qualified to buy │ none                   │
      ├──────────────────────────┼────────┼─────────────────┼──────────────────┼────────────────────────┤
      │ <img src=x onerror=aler… │ 30,000 │ Bea <b>Bold</b> │ Qualified to buy │ approved to 2026-05-31 │
      ├──────────────────────────┼────────┼─────────────────┼──────────────────┼────────────────────────┤
      │ =HYPERLINK("x")          │      – │ Owner o3        │ Qualified to buy │ none                   │
      └──────────────────────────┴────────┴─────────────────┴──────────────────┴────────────────────────┘

      Strategy evidence (closed deals)
      ┌──────────────┬────────┬─────┬──────────┬────────┬────────────┬──────────┬──────┐
      │ Tier         │ Closed │ Won │ Win rate │  Cycle │ Avg amount │ Discount │ Lift │
      ├──────────────┼────────┼─────┼──────────┼────────┼────────────┼──────────┼──────┤
      │ Dream        │      0 │   0 │        – │      – │          – │        – │    – │
      ├──────────────┼────────┼─────┼──────────┼────────┼────────────┼──────────┼──────┤
      │ Fit          │     20 │   5 │      25% │ 29.5 d │     19,500 │      10% │ 0.8x │
      ├──────────────┼────────┼─────┼──────────┼────────┼────────────┼──────────┼──────┤
      │ Stretch      │      0 │   0 │        – │      – │          – │        – │    – │
      ├──────────────┼────────┼─────┼──────────┼────────┼────────────┼──────────┼──────┤
      │ Needs data   │      0 │   0 │        – │      – │          – │        – │    – │
      ├──────────────┼────────┼─────┼──────────┼────────┼────────────┼──────────┼──────┤
      │ Off strategy │     20 │   6 │      30% │ 29.5 d │     19,500 │      10% │      │
      ├──────────────┼────────┼─────┼──────────┼────────┼────────────┼──────────┼──────┤
      │ Refused      │      1 │   1 │     100% │  170 d │     64,000 │        – │      │
      └──────────────┴────────┴─────┴──────────┴────────┴────────────┴──────────┴──────┘
      ┌─────────────────┬────────┬─────┬──────────┬────────┬────────────┬──────────┐
      │ Segment         │ Closed │ Won │ Win rate │  Cycle │ Avg amount │ Discount │
      ├─────────────────┼────────┼─────┼──────────┼────────┼────────────┼──────────┤
      │ Enterprise SaaS │      0 │   0 │        – │      – │          – │        – │
      ├─────────────────┼────────┼─────┼──────────┼────────┼────────────┼──────────┤
      │ Mid-market      │     20 │   5 │      25% │ 29.5 d │     19,500 │      10% │
      ├─────────────────┼────────┼─────┼──────────┼────────┼────────────┼──────────┤
      │ No segment      │     21 │   7 │    33.3% │   30 d │     21,619 │      10% │
      └─────────────────┴────────┴─────┴──────────┴────────┴────────────┴──────────┘
        Cycle: median days from create to close. Lift: win rate ÷ the off-strategy win rate
        (33.3% of 21 deals), shown where both sides have 20+ closed deals.

      Won deals from off-strategy companies (last 12 months)
      ┌─────────────────────┬─────────────────────┬──────────────┬────────┬────────────┐
      │ Deal                │ Company             │ Company tier │ Amount │     Closed │
      ├─────────────────────┼─────────────────────┼──────────────┼────────┼────────────┤
      │ Ministry 2025 pilot │ Ministry of Finance │ Refused      │ 64,000 │ 2026-01-30 │
      └─────────────────────┴─────────────────────┴──────────────┴────────┴────────────┘

      Dream capacity (cap 2 per owner)
      ┌─────────────────┬────────┬───────┬─────────────┬────────────────────┐
      │ Owner           │ Scored │ Dream │ Dream share │ Flag               │
      ├─────────────────┼────────┼───────┼─────────────┼────────────────────┤
      │ Alex Meyer      │      4 │     3 │         75% │ over cap, no focus │
      ├─────────────────┼────────┼───────┼─────────────┼────────────────────┤
      │ Bea <b>Bold</b> │      2 │     0 │          0% │                    │
      ├─────────────────┼────────┼───────┼─────────────┼────────────────────┤
      │ Owner o3        │      1 │     0 │          0% │                    │
      └─────────────────┴────────┴───────┴─────────────┴────────────────────┘

      Stale scores (published version 2)
        Partial: Only the first 10,000 open deals were read
      ┌───────────┬───────┬───────┬───────────────┬────────────┬─────────┐
      │ Records   │ Total │ Stale │ Older version │ No version │ Current │
      ├───────────┼───────┼───────┼───────────────┼────────────┼─────────┤
      │ Companies │     8 │     3 │             1 │          2 │       5 │
      ├───────────┼───────┼───────┼───────────────┼────────────┼─────────┤
      │ Deals     │    46 │     1 │             1 │          0 │      45 │
      └───────────┴───────┴───────┴───────────────┴────────────┴─────────┘

      Focus guard
        Warning: 57 % of your companies are dream or fit customers: that is not a focus.
        57.1% of 7 scored companies are dream or fit; the guard warns above 50%.
        Scored companies
      ┌─────────────────────────┬───────────┬───────┐
      │ Tiers                   │ Companies │ Share │
      ├─────────────────────────┼───────────┼───────┤
      │ Dream or fit            │         4 │ 57.1% │
      ├─────────────────────────┼───────────┼───────┤
      │ Stretch or needs data   │         1 │ 14.3% │
      ├─────────────────────────┼───────────┼───────┤
      │ Refused or off strategy │         2 │ 28.6% │
      └─────────────────────────┴───────────┴───────┘

      Evidence window
        Evidence counts deals closed in the last 365 days (since 2025-03-01).
        Closed deals
      ┌────────────────────────────────────┬───────┐
      │ Closed deals                       │ Deals │
      ├────────────────────────────────────┼───────┤
      │ In the last 365 days (counted)     │    41 │
      ├────────────────────────────────────┼───────┤
      │ Before the window (not counted)    │     0 │
      ├────────────────────────────────────┼───────┤
      │ Without a close date (not counted) │     0 │
      └────────────────────────────────────┴───────┘

      Focus board: where the best resources should go this week
        Partial: Only the first 10,000 open deals were read
        Open focus deals: 0 deals, 0.
        Open dream and fit deals with an unanswered dream-test question: 0 deals, 0.
        Open deals with price competition: 0 deals, 0.
        Open deals with an offer outside the segment: 0 deals, 0.
        Open focus deals by owner
          None: no open deal is marked focus.
        Unanswered dream-test questions (open dream and fit deals)
          None: every open dream and fit deal has its dream test answered.
        Price competition by owner
          None.
        Offer outside the segment by owner
          None.

      Existing customers outside the strategy
        Partial: Only the first 10,000 open deals were read
        Kept deliberately (policy retain), not off-strategy pipeline: 0 deals, 0.
        By reason
          None.
        By owner
          None.

      Competitors
        Partial: Only the first 10,000 open deals were read
        Closed deals in the evidence window: we win 29.3% of 41 overall, 29.3% of 41 where no competitor
        is named.
        Our win rate per competitor (closed deals), open deals against it
          None: the strategy names no competitor and no deal names one.
        Per competitor and segment (closed deals)
          None.
        Where we lose, and to whom (10+ closed deals, below our overall win rate)
          None: no competitor with enough closed deals beats our overall win rate.

      What customers say (lost reasons)
        The 5 most frequent closed-lost reasons per segment, over lost deals in the evidence window.
        Enterprise SaaS: 0 deals, 0 lost
          None: no lost deal.
        Mid-market: 15 deals, 330,000 lost
      ┌───────────────────────┬───────┬─────────┐
      │ Reason                │ Deals │  Amount │
      ├───────────────────────┼───────┼─────────┤
      │ Lost without a reason │    15 │ 330,000 │
      └───────────────────────┴───────┴─────────┘
        No segment: 14 deals, 315,000 lost
      ┌───────────────────────┬───────┬─────────┐
      │ Reason                │ Deals │  Amount │
      ├───────────────────────┼───────┼─────────┤
      │ Lost without a reason │    14 │ 315,000 │
      └───────────────────────┴───────┴─────────┘

      Price the customer accepts: win rate by discount
        Win rate of closed deals by the discount scoring saw, per segment.
        Win rate by discount band
      ┌─────────────────┬───────┬───────┬───────────┬──────┬─────────────┐
      │ Segment         │ below │  5 to │     10 to │ 20 % │     unknown │
      │                 │   5 % │ below │  below 20 │  and │             │
      │                 │       │  10 % │         % │ more │             │
      ├─────────────────┼───────┼───────┼───────────┼──────┼─────────────┤
      │ All segments    │     – │     – │ 30% of 20 │    – │ 28.6% of 21 │
      ├─────────────────┼───────┼───────┼───────────┼──────┼─────────────┤
      │ Enterprise SaaS │     – │     – │         – │    – │           – │
      ├─────────────────┼───────┼───────┼───────────┼──────┼─────────────┤
      │ Mid-market      │     – │     – │ 30% of 10 │    – │   20% of 10 │
      ├─────────────────┼───────┼───────┼───────────┼──────┼─────────────┤
      │ No segment      │     – │     – │ 30% of 10 │    – │ 36.4% of 11 │
      └─────────────────┴───────┴───────┴───────────┴──────┴─────────────┘

      Criterion evidence: do we know what customers expect, or only think so?
        0 closed deals of the window with their company's outcome on each criterion; 41 without a company
        are not counted. Flags need 20 closed deals on both the match and the miss side: inverse when
        misses win more often, no signal when both win about as often.
        These flags use today's data of each company, not the data at the time the deal closed.
        Enterprise SaaS
      ┌─────────────────────────────────┬───────┬──────┬─────────┬───────┬──────┐
      │ Criterion                       │ Match │ Miss │ Unknown │ Ratio │ Flag │
      ├─────────────────────────────────┼───────┼──────┼─────────┼───────┼──────┤
      │ industry EQ “COMPUTER_SOFTWARE” │     – │    – │       – │     – │      │
      └─────────────────────────────────┴───────┴──────┴─────────┴───────┴──────┘
        Mid-market
      ┌───────────────────────────┬───────┬──────┬─────────┬───────┬──────┐
      │ Criterion                 │ Match │ Miss │ Unknown │ Ratio │ Flag │
      ├───────────────────────────┼───────┼──────┼─────────┼───────┼──────┤
      │ numberofemployees GTE 200 │     – │    – │       – │     – │      │
      └───────────────────────────┴───────┴──────┴─────────┴───────┴──────┘
      "
    `);
  });

  it('is readable at 100 columns', () => {
    const widths = renderReportTable(fixedReview(), options)
      .split('\n')
      .map((l) => [...l].length);
    expect(Math.max(...widths)).toBeLessThanOrEqual(100);
  });
});

describe('renderReportJson', () => {
  it('is the StrategyReview as stable JSON: the same bytes for the same review', () => {
    const review = fixedReview();
    const json = renderReportJson(review);
    expect(StrategyReview.parse(JSON.parse(json))).toEqual(review);
    expect(renderReportJson(JSON.parse(json) as StrategyReview)).toBe(json);
    expect(json.endsWith('}\n')).toBe(true);
  });
});

describe('renderReportCsv', () => {
  it('renders one tidy section,group,key,metric,value table with RFC 4180 quoting', () => {
    expect(renderReportCsv(fixedReview(), options)).toMatchInlineSnapshot(`
      "section,group,key,metric,value
      summary,review,,strategy_name,B2B SaaS 2026
      summary,review,,published_version,2
      summary,review,,as_of,2026-03-01
      summary,completeness,,partial,true
      summary,completeness,,partial_reason,"Only the first 10,000 open deals were read"
      summary,totals,,companies,8
      summary,totals,,deals,46
      summary,totals,,open_deals,5
      summary,totals,,open_amount,275000
      summary,totals,,open_without_amount,1
      summary,totals,,closed_deals,41
      off_strategy_pipeline,completeness,,partial,true
      off_strategy_pipeline,completeness,,partial_reason,"Only the first 10,000 open deals were read"
      off_strategy_pipeline,total,,count,3
      off_strategy_pipeline,total,,amount,110000
      off_strategy_pipeline,total,,without_amount,1
      off_strategy_pipeline,unapproved,,count,2
      off_strategy_pipeline,unapproved,,amount,80000
      off_strategy_pipeline,unapproved,,without_amount,1
      off_strategy_pipeline,unapproved_by_owner,o2,label,Bea <b>Bold</b>
      off_strategy_pipeline,unapproved_by_owner,o2,count,1
      off_strategy_pipeline,unapproved_by_owner,o2,amount,80000
      off_strategy_pipeline,unapproved_by_owner,o2,without_amount,0
      off_strategy_pipeline,unapproved_by_owner,o3,label,Owner o3
      off_strategy_pipeline,unapproved_by_owner,o3,count,1
      off_strategy_pipeline,unapproved_by_owner,o3,amount,0
      off_strategy_pipeline,unapproved_by_owner,o3,without_amount,1
      off_strategy_pipeline,unapproved_by_stage,default:qualifiedtobuy,label,Qualified to buy
      off_strategy_pipeline,unapproved_by_stage,default:qualifiedtobuy,count,2
      off_strategy_pipeline,unapproved_by_stage,default:qualifiedtobuy,amount,80000
      off_strategy_pipeline,unapproved_by_stage,default:qualifiedtobuy,without_amount,1
      off_strategy_pipeline,unapproved_by_reason,refused:We do not sell to the public sector,label,Refused: We do not sell to the public sector
      off_strategy_pipeline,unapproved_by_reason,refused:We do not sell to the public sector,count,1
      off_strategy_pipeline,unapproved_by_reason,refused:We do not sell to the public sector,amount,80000
      off_strategy_pipeline,unapproved_by_reason,refused:We do not sell to the public sector,without_amount,0
      off_strategy_pipeline,unapproved_by_reason,off_strategy:,label,Off strategy: no segment reaches the stretch threshold
      off_strategy_pipeline,unapproved_by_reason,off_strategy:,count,1
      off_strategy_pipeline,unapproved_by_reason,off_strategy:,amount,0
      off_strategy_pipeline,unapproved_by_reason,off_strategy:,without_amount,1
      off_strategy_pipeline,approved,,count,1
      off_strategy_pipeline,approved,,amount,30000
      off_strategy_pipeline,approved,,without_amount,0
      off_strategy_pipeline,approved_by_owner,o2,label,Bea <b>Bold</b>
      off_strategy_pipeline,approved_by_owner,o2,count,1
      off_strategy_pipeline,approved_by_owner,o2,amount,30000
      off_strategy_pipeline,approved_by_owner,o2,without_amount,0
      off_strategy_pipeline,approved_by_stage,default:qualifiedtobuy,label,Qualified to buy
      off_strategy_pipeline,approved_by_stage,default:qualifiedtobuy,count,1
      off_strategy_pipeline,approved_by_stage,default:qualifiedtobuy,amount,30000
      off_strategy_pipeline,approved_by_stage,default:qualifiedtobuy,without_amount,0
      off_strategy_pipeline,approved_by_reason,off_strategy:,label,Off strategy: no segment reaches the stretch threshold
      off_strategy_pipeline,approved_by_reason,off_strategy:,count,1
      off_strategy_pipeline,approved_by_reason,off_strategy:,amount,30000
      off_strategy_pipeline,approved_by_reason,off_strategy:,without_amount,0
      off_strategy_pipeline,deals,d3,name,Ministry tender
      off_strategy_pipeline,deals,d3,amount,80000
      off_strategy_pipeline,deals,d3,owner_id,o2
      off_strategy_pipeline,deals,d3,pipeline_id,default
      off_strategy_pipeline,deals,d3,stage_id,qualifiedtobuy
      off_strategy_pipeline,deals,d3,stage,Qualified to buy
      off_strategy_pipeline,deals,d3,tier,refused
      off_strategy_pipeline,deals,d3,reason,We do not sell to the public sector
      off_strategy_pipeline,deals,d3,approved,false
      off_strategy_pipeline,deals,d3,exception_status,none
      off_strategy_pipeline,deals,d3,exception_expires_on,
      off_strategy_pipeline,deals,d3,company_id,c5
      off_strategy_pipeline,deals,d4,name,"<img src=x onerror=alert(1)> & ""Co"" pilot"
      off_strategy_pipeline,deals,d4,amount,30000
      off_strategy_pipeline,deals,d4,owner_id,o2
      off_strategy_pipeline,deals,d4,pipeline_id,default
      off_strategy_pipeline,deals,d4,stage_id,qualifiedtobuy
      off_strategy_pipeline,deals,d4,stage,Qualified to buy
      off_strategy_pipeline,deals,d4,tier,off_strategy
      off_strategy_pipeline,deals,d4,reason,"Off strategy: the best match, Mid-market, scores 20% (stretch needs 40%)"
      off_strategy_pipeline,deals,d4,approved,true
      off_strategy_pipeline,deals,d4,exception_status,approved
      off_strategy_pipeline,deals,d4,exception_expires_on,2026-05-31
      off_strategy_pipeline,deals,d4,company_id,c6
      off_strategy_pipeline,deals,d5,name,"'=HYPERLINK(""x"")"
      off_strategy_pipeline,deals,d5,amount,
      off_strategy_pipeline,deals,d5,owner_id,o3
      off_strategy_pipeline,deals,d5,pipeline_id,default
      off_strategy_pipeline,deals,d5,stage_id,qualifiedtobuy
      off_strategy_pipeline,deals,d5,stage,Qualified to buy
      off_strategy_pipeline,deals,d5,tier,off_strategy
      off_strategy_pipeline,deals,d5,reason,"Off strategy: the best match, Mid-market, scores 10% (stretch needs 40%)"
      off_strategy_pipeline,deals,d5,approved,false
      off_strategy_pipeline,deals,d5,exception_status,none
      off_strategy_pipeline,deals,d5,exception_expires_on,
      off_strategy_pipeline,deals,d5,company_id,
      off_strategy_pipeline,deals,,omitted,0
      tier_distribution,companies_completeness,,partial,false
      tier_distribution,companies,dream,count,3
      tier_distribution,companies,fit,count,1
      tier_distribution,companies,stretch,count,1
      tier_distribution,companies,needs_data,count,0
      tier_distribution,companies,off_strategy,count,1
      tier_distribution,companies,refused,count,1
      tier_distribution,companies,unscored,count,1
      tier_distribution,companies,total,count,8
      tier_distribution,open_deals_completeness,,partial,true
      tier_distribution,open_deals_completeness,,partial_reason,"Only the first 10,000 open deals were read"
      tier_distribution,open_deals,dream,count,1
      tier_distribution,open_deals,dream,amount,120000
      tier_distribution,open_deals,dream,without_amount,0
      tier_distribution,open_deals,fit,count,1
      tier_distribution,open_deals,fit,amount,45000
      tier_distribution,open_deals,fit,without_amount,0
      tier_distribution,open_deals,stretch,count,0
      tier_distribution,open_deals,stretch,amount,0
      tier_distribution,open_deals,stretch,without_amount,0
      tier_distribution,open_deals,needs_data,count,0
      tier_distribution,open_deals,needs_data,amount,0
      tier_distribution,open_deals,needs_data,without_amount,0
      tier_distribution,open_deals,off_strategy,count,2
      tier_distribution,open_deals,off_strategy,amount,30000
      tier_distribution,open_deals,off_strategy,without_amount,1
      tier_distribution,open_deals,refused,count,1
      tier_distribution,open_deals,refused,amount,80000
      tier_distribution,open_deals,refused,without_amount,0
      tier_distribution,open_deals,unscored,count,0
      tier_distribution,open_deals,unscored,amount,0
      tier_distribution,open_deals,unscored,without_amount,0
      tier_distribution,open_deals,total,count,5
      tier_distribution,open_deals,total,amount,275000
      tier_distribution,open_deals,total,without_amount,1
      strategy_evidence,completeness,,partial,false
      strategy_evidence,by_tier,dream,closed,0
      strategy_evidence,by_tier,dream,won,0
      strategy_evidence,by_tier,dream,win_rate,
      strategy_evidence,by_tier,dream,median_cycle_days,
      strategy_evidence,by_tier,dream,cycle_known,0
      strategy_evidence,by_tier,dream,average_amount,
      strategy_evidence,by_tier,dream,amount_known,0
      strategy_evidence,by_tier,dream,average_discount_percent,
      strategy_evidence,by_tier,dream,discount_known,0
      strategy_evidence,by_tier,fit,closed,20
      strategy_evidence,by_tier,fit,won,5
      strategy_evidence,by_tier,fit,win_rate,0.25
      strategy_evidence,by_tier,fit,median_cycle_days,29.5
      strategy_evidence,by_tier,fit,cycle_known,20
      strategy_evidence,by_tier,fit,average_amount,19500
      strategy_evidence,by_tier,fit,amount_known,20
      strategy_evidence,by_tier,fit,average_discount_percent,10
      strategy_evidence,by_tier,fit,discount_known,10
      strategy_evidence,by_tier,stretch,closed,0
      strategy_evidence,by_tier,stretch,won,0
      strategy_evidence,by_tier,stretch,win_rate,
      strategy_evidence,by_tier,stretch,median_cycle_days,
      strategy_evidence,by_tier,stretch,cycle_known,0
      strategy_evidence,by_tier,stretch,average_amount,
      strategy_evidence,by_tier,stretch,amount_known,0
      strategy_evidence,by_tier,stretch,average_discount_percent,
      strategy_evidence,by_tier,stretch,discount_known,0
      strategy_evidence,by_tier,needs_data,closed,0
      strategy_evidence,by_tier,needs_data,won,0
      strategy_evidence,by_tier,needs_data,win_rate,
      strategy_evidence,by_tier,needs_data,median_cycle_days,
      strategy_evidence,by_tier,needs_data,cycle_known,0
      strategy_evidence,by_tier,needs_data,average_amount,
      strategy_evidence,by_tier,needs_data,amount_known,0
      strategy_evidence,by_tier,needs_data,average_discount_percent,
      strategy_evidence,by_tier,needs_data,discount_known,0
      strategy_evidence,by_tier,off_strategy,closed,20
      strategy_evidence,by_tier,off_strategy,won,6
      strategy_evidence,by_tier,off_strategy,win_rate,0.3
      strategy_evidence,by_tier,off_strategy,median_cycle_days,29.5
      strategy_evidence,by_tier,off_strategy,cycle_known,20
      strategy_evidence,by_tier,off_strategy,average_amount,19500
      strategy_evidence,by_tier,off_strategy,amount_known,20
      strategy_evidence,by_tier,off_strategy,average_discount_percent,10
      strategy_evidence,by_tier,off_strategy,discount_known,10
      strategy_evidence,by_tier,refused,closed,1
      strategy_evidence,by_tier,refused,won,1
      strategy_evidence,by_tier,refused,win_rate,1
      strategy_evidence,by_tier,refused,median_cycle_days,170
      strategy_evidence,by_tier,refused,cycle_known,1
      strategy_evidence,by_tier,refused,average_amount,64000
      strategy_evidence,by_tier,refused,amount_known,1
      strategy_evidence,by_tier,refused,average_discount_percent,
      strategy_evidence,by_tier,refused,discount_known,0
      strategy_evidence,by_segment,enterprise-saas,label,Enterprise SaaS
      strategy_evidence,by_segment,enterprise-saas,closed,0
      strategy_evidence,by_segment,enterprise-saas,won,0
      strategy_evidence,by_segment,enterprise-saas,win_rate,
      strategy_evidence,by_segment,enterprise-saas,median_cycle_days,
      strategy_evidence,by_segment,enterprise-saas,cycle_known,0
      strategy_evidence,by_segment,enterprise-saas,average_amount,
      strategy_evidence,by_segment,enterprise-saas,amount_known,0
      strategy_evidence,by_segment,enterprise-saas,average_discount_percent,
      strategy_evidence,by_segment,enterprise-saas,discount_known,0
      strategy_evidence,by_segment,mid-market,label,Mid-market
      strategy_evidence,by_segment,mid-market,closed,20
      strategy_evidence,by_segment,mid-market,won,5
      strategy_evidence,by_segment,mid-market,win_rate,0.25
      strategy_evidence,by_segment,mid-market,median_cycle_days,29.5
      strategy_evidence,by_segment,mid-market,cycle_known,20
      strategy_evidence,by_segment,mid-market,average_amount,19500
      strategy_evidence,by_segment,mid-market,amount_known,20
      strategy_evidence,by_segment,mid-market,average_discount_percent,10
      strategy_evidence,by_segment,mid-market,discount_known,10
      strategy_evidence,by_segment,,label,No segment
      strategy_evidence,by_segment,,closed,21
      strategy_evidence,by_segment,,won,7
      strategy_evidence,by_segment,,win_rate,0.3333333333333333
      strategy_evidence,by_segment,,median_cycle_days,30
      strategy_evidence,by_segment,,cycle_known,21
      strategy_evidence,by_segment,,average_amount,21619.04761904762
      strategy_evidence,by_segment,,amount_known,21
      strategy_evidence,by_segment,,average_discount_percent,10
      strategy_evidence,by_segment,,discount_known,10
      strategy_evidence,fit_deals,,closed,20
      strategy_evidence,fit_deals,,won,5
      strategy_evidence,fit_deals,,win_rate,0.25
      strategy_evidence,fit_deals,,median_cycle_days,29.5
      strategy_evidence,fit_deals,,cycle_known,20
      strategy_evidence,fit_deals,,average_amount,19500
      strategy_evidence,fit_deals,,amount_known,20
      strategy_evidence,fit_deals,,average_discount_percent,10
      strategy_evidence,fit_deals,,discount_known,10
      strategy_evidence,off_strategy_deals,,closed,21
      strategy_evidence,off_strategy_deals,,won,7
      strategy_evidence,off_strategy_deals,,win_rate,0.3333333333333333
      strategy_evidence,off_strategy_deals,,median_cycle_days,30
      strategy_evidence,off_strategy_deals,,cycle_known,21
      strategy_evidence,off_strategy_deals,,average_amount,21619.04761904762
      strategy_evidence,off_strategy_deals,,amount_known,21
      strategy_evidence,off_strategy_deals,,average_discount_percent,10
      strategy_evidence,off_strategy_deals,,discount_known,10
      strategy_evidence,unscored,,closed,0
      miscalibration,completeness,,partial,false
      miscalibration,result,,status,miscalibrated
      miscalibration,result,,warning,true
      miscalibration,result,,min_closed_deals,20
      miscalibration,result,,off_strategy_as_often_as_fit,true
      miscalibration,fit_deals,,closed,20
      miscalibration,fit_deals,,won,5
      miscalibration,fit_deals,,win_rate,0.25
      miscalibration,off_strategy_deals,,closed,21
      miscalibration,off_strategy_deals,,won,7
      miscalibration,off_strategy_deals,,win_rate,0.3333333333333333
      miscalibration,dream_deals,,closed,0
      miscalibration,dream_deals,,won,0
      miscalibration,dream_deals,,win_rate,
      lift,completeness,,partial,false
      lift,baseline,,closed,21
      lift,baseline,,won,7
      lift,baseline,,win_rate,0.3333333333333333
      lift,baseline,,min_closed_deals,20
      lift,fit_deals,,closed,20
      lift,fit_deals,,won,5
      lift,fit_deals,,win_rate,0.25
      lift,fit_deals,,lift,0.75
      lift,fit_deals,,unavailable,
      lift,by_tier,dream,closed,0
      lift,by_tier,dream,won,0
      lift,by_tier,dream,win_rate,
      lift,by_tier,dream,lift,
      lift,by_tier,dream,unavailable,too_few_deals
      lift,by_tier,fit,closed,20
      lift,by_tier,fit,won,5
      lift,by_tier,fit,win_rate,0.25
      lift,by_tier,fit,lift,0.75
      lift,by_tier,fit,unavailable,
      lift,by_tier,stretch,closed,0
      lift,by_tier,stretch,won,0
      lift,by_tier,stretch,win_rate,
      lift,by_tier,stretch,lift,
      lift,by_tier,stretch,unavailable,too_few_deals
      lift,by_tier,needs_data,closed,0
      lift,by_tier,needs_data,won,0
      lift,by_tier,needs_data,win_rate,
      lift,by_tier,needs_data,lift,
      lift,by_tier,needs_data,unavailable,too_few_deals
      false_negatives,completeness,,partial,false
      false_negatives,total,,count,1
      false_negatives,total,,amount,64000
      false_negatives,total,,without_amount,0
      false_negatives,total,,window_start,2025-03-01
      false_negatives,total,,without_close_date,0
      false_negatives,deals,w1,deal_name,Ministry 2025 pilot
      false_negatives,deals,w1,amount,64000
      false_negatives,deals,w1,closed_on,2026-01-30
      false_negatives,deals,w1,owner_id,o2
      false_negatives,deals,w1,owner,Bea <b>Bold</b>
      false_negatives,deals,w1,company_id,c5
      false_negatives,deals,w1,company_name,Ministry of Finance
      false_negatives,deals,w1,company_tier,refused
      false_negatives,deals,w1,deal_tier,refused
      false_negatives,deals,,omitted,0
      dream_capacity,completeness,,partial,false
      dream_capacity,result,,cap_per_owner,2
      dream_capacity,result,,owners_over_cap,1
      dream_capacity,result,,owners_without_focus,1
      dream_capacity,owners,o1,label,Alex Meyer
      dream_capacity,owners,o1,scored_accounts,4
      dream_capacity,owners,o1,dream_accounts,3
      dream_capacity,owners,o1,dream_share,0.75
      dream_capacity,owners,o1,over_cap,true
      dream_capacity,owners,o1,no_focus,true
      dream_capacity,owners,o2,label,Bea <b>Bold</b>
      dream_capacity,owners,o2,scored_accounts,2
      dream_capacity,owners,o2,dream_accounts,0
      dream_capacity,owners,o2,dream_share,0
      dream_capacity,owners,o2,over_cap,false
      dream_capacity,owners,o2,no_focus,false
      dream_capacity,owners,o3,label,Owner o3
      dream_capacity,owners,o3,scored_accounts,1
      dream_capacity,owners,o3,dream_accounts,0
      dream_capacity,owners,o3,dream_share,0
      dream_capacity,owners,o3,over_cap,false
      dream_capacity,owners,o3,no_focus,false
      stale_scores,completeness,,partial,true
      stale_scores,completeness,,partial_reason,"Only the first 10,000 open deals were read"
      stale_scores,result,,published_version,2
      stale_scores,companies,,total,8
      stale_scores,companies,,stale,3
      stale_scores,companies,,current,5
      stale_scores,companies,,older,1
      stale_scores,companies,,missing_version,2
      stale_scores,companies,,newer,0
      stale_scores,deals,,total,46
      stale_scores,deals,,stale,1
      stale_scores,deals,,current,45
      stale_scores,deals,,older,1
      stale_scores,deals,,missing_version,0
      stale_scores,deals,,newer,0
      focus_guard,completeness,,partial,false
      focus_guard,note,,note,Warning: 57 % of your companies are dream or fit customers: that is not a focus.
      focus_guard,note,,note,57.1% of 7 scored companies are dream or fit; the guard warns above 50%.
      focus_guard,companies,dream_or_fit,label,Dream or fit
      focus_guard,companies,dream_or_fit,companies,4
      focus_guard,companies,dream_or_fit,share,0.5714285714285714
      focus_guard,companies,stretch_or_needs_data,label,Stretch or needs data
      focus_guard,companies,stretch_or_needs_data,companies,1
      focus_guard,companies,stretch_or_needs_data,share,0.14285714285714285
      focus_guard,companies,refused_or_off_strategy,label,Refused or off strategy
      focus_guard,companies,refused_or_off_strategy,companies,2
      focus_guard,companies,refused_or_off_strategy,share,0.2857142857142857
      evidence_window,completeness,,partial,false
      evidence_window,note,,note,Evidence counts deals closed in the last 365 days (since 2025-03-01).
      evidence_window,closed_deals,in_window,label,In the last 365 days (counted)
      evidence_window,closed_deals,in_window,count,41
      evidence_window,closed_deals,before,label,Before the window (not counted)
      evidence_window,closed_deals,before,count,0
      evidence_window,closed_deals,without_date,label,Without a close date (not counted)
      evidence_window,closed_deals,without_date,count,0
      focus_board,completeness,,partial,true
      focus_board,completeness,,partial_reason,"Only the first 10,000 open deals were read"
      focus_board,note,,note,"Open focus deals: 0 deals, 0."
      focus_board,note,,note,"Open dream and fit deals with an unanswered dream-test question: 0 deals, 0."
      focus_board,note,,note,"Open deals with price competition: 0 deals, 0."
      focus_board,note,,note,"Open deals with an offer outside the segment: 0 deals, 0."
      existing_customers,completeness,,partial,true
      existing_customers,completeness,,partial_reason,"Only the first 10,000 open deals were read"
      existing_customers,note,,note,"Kept deliberately (policy retain), not off-strategy pipeline: 0 deals, 0."
      competitors,completeness,,partial,true
      competitors,completeness,,partial_reason,"Only the first 10,000 open deals were read"
      competitors,note,,note,"Closed deals in the evidence window: we win 29.3% of 41 overall, 29.3% of 41 where no competitor is named."
      customers_say,completeness,,partial,false
      customers_say,note,,note,"The 5 most frequent closed-lost reasons per segment, over lost deals in the evidence window."
      customers_say,segment:mid-market,(without a reason),label,Lost without a reason
      customers_say,segment:mid-market,(without a reason),count,15
      customers_say,segment:mid-market,(without a reason),amount,330000
      customers_say,segment:,(without a reason),label,Lost without a reason
      customers_say,segment:,(without a reason),count,14
      customers_say,segment:,(without a reason),amount,315000
      discount_bands,completeness,,partial,false
      discount_bands,note,,note,"Win rate of closed deals by the discount scoring saw, per segment."
      discount_bands,win_rate,*,label,All segments
      discount_bands,win_rate,*,under_5_closed,0
      discount_bands,win_rate,*,under_5_won,0
      discount_bands,win_rate,*,under_5_win_rate,
      discount_bands,win_rate,*,from_5_to_10_closed,0
      discount_bands,win_rate,*,from_5_to_10_won,0
      discount_bands,win_rate,*,from_5_to_10_win_rate,
      discount_bands,win_rate,*,from_10_to_20_closed,20
      discount_bands,win_rate,*,from_10_to_20_won,6
      discount_bands,win_rate,*,from_10_to_20_win_rate,0.3
      discount_bands,win_rate,*,from_20_closed,0
      discount_bands,win_rate,*,from_20_won,0
      discount_bands,win_rate,*,from_20_win_rate,
      discount_bands,win_rate,*,unknown_closed,21
      discount_bands,win_rate,*,unknown_won,6
      discount_bands,win_rate,*,unknown_win_rate,0.2857142857142857
      discount_bands,win_rate,enterprise-saas,label,Enterprise SaaS
      discount_bands,win_rate,enterprise-saas,under_5_closed,0
      discount_bands,win_rate,enterprise-saas,under_5_won,0
      discount_bands,win_rate,enterprise-saas,under_5_win_rate,
      discount_bands,win_rate,enterprise-saas,from_5_to_10_closed,0
      discount_bands,win_rate,enterprise-saas,from_5_to_10_won,0
      discount_bands,win_rate,enterprise-saas,from_5_to_10_win_rate,
      discount_bands,win_rate,enterprise-saas,from_10_to_20_closed,0
      discount_bands,win_rate,enterprise-saas,from_10_to_20_won,0
      discount_bands,win_rate,enterprise-saas,from_10_to_20_win_rate,
      discount_bands,win_rate,enterprise-saas,from_20_closed,0
      discount_bands,win_rate,enterprise-saas,from_20_won,0
      discount_bands,win_rate,enterprise-saas,from_20_win_rate,
      discount_bands,win_rate,enterprise-saas,unknown_closed,0
      discount_bands,win_rate,enterprise-saas,unknown_won,0
      discount_bands,win_rate,enterprise-saas,unknown_win_rate,
      discount_bands,win_rate,mid-market,label,Mid-market
      discount_bands,win_rate,mid-market,under_5_closed,0
      discount_bands,win_rate,mid-market,under_5_won,0
      discount_bands,win_rate,mid-market,under_5_win_rate,
      discount_bands,win_rate,mid-market,from_5_to_10_closed,0
      discount_bands,win_rate,mid-market,from_5_to_10_won,0
      discount_bands,win_rate,mid-market,from_5_to_10_win_rate,
      discount_bands,win_rate,mid-market,from_10_to_20_closed,10
      discount_bands,win_rate,mid-market,from_10_to_20_won,3
      discount_bands,win_rate,mid-market,from_10_to_20_win_rate,0.3
      discount_bands,win_rate,mid-market,from_20_closed,0
      discount_bands,win_rate,mid-market,from_20_won,0
      discount_bands,win_rate,mid-market,from_20_win_rate,
      discount_bands,win_rate,mid-market,unknown_closed,10
      discount_bands,win_rate,mid-market,unknown_won,2
      discount_bands,win_rate,mid-market,unknown_win_rate,0.2
      discount_bands,win_rate,,label,No segment
      discount_bands,win_rate,,under_5_closed,0
      discount_bands,win_rate,,under_5_won,0
      discount_bands,win_rate,,under_5_win_rate,
      discount_bands,win_rate,,from_5_to_10_closed,0
      discount_bands,win_rate,,from_5_to_10_won,0
      discount_bands,win_rate,,from_5_to_10_win_rate,
      discount_bands,win_rate,,from_10_to_20_closed,10
      discount_bands,win_rate,,from_10_to_20_won,3
      discount_bands,win_rate,,from_10_to_20_win_rate,0.3
      discount_bands,win_rate,,from_20_closed,0
      discount_bands,win_rate,,from_20_won,0
      discount_bands,win_rate,,from_20_win_rate,
      discount_bands,win_rate,,unknown_closed,11
      discount_bands,win_rate,,unknown_won,4
      discount_bands,win_rate,,unknown_win_rate,0.36363636363636365
      criterion_evidence,completeness,,partial,false
      criterion_evidence,note,,note,"0 closed deals of the window with their company's outcome on each criterion; 41 without a company are not counted. Flags need 20 closed deals on both the match and the miss side: inverse when misses win more often, no signal when both win about as often."
      criterion_evidence,note,,note,"These flags use today's data of each company, not the data at the time the deal closed."
      criterion_evidence,segment:enterprise-saas,0,label,industry EQ “COMPUTER_SOFTWARE”
      criterion_evidence,segment:enterprise-saas,0,match_closed,0
      criterion_evidence,segment:enterprise-saas,0,match_won,0
      criterion_evidence,segment:enterprise-saas,0,match_win_rate,
      criterion_evidence,segment:enterprise-saas,0,miss_closed,0
      criterion_evidence,segment:enterprise-saas,0,miss_won,0
      criterion_evidence,segment:enterprise-saas,0,miss_win_rate,
      criterion_evidence,segment:enterprise-saas,0,unknown_closed,0
      criterion_evidence,segment:enterprise-saas,0,unknown_won,0
      criterion_evidence,segment:enterprise-saas,0,unknown_win_rate,
      criterion_evidence,segment:enterprise-saas,0,ratio,
      criterion_evidence,segment:enterprise-saas,0,flag,
      criterion_evidence,segment:mid-market,0,label,numberofemployees GTE 200
      criterion_evidence,segment:mid-market,0,match_closed,0
      criterion_evidence,segment:mid-market,0,match_won,0
      criterion_evidence,segment:mid-market,0,match_win_rate,
      criterion_evidence,segment:mid-market,0,miss_closed,0
      criterion_evidence,segment:mid-market,0,miss_won,0
      criterion_evidence,segment:mid-market,0,miss_win_rate,
      criterion_evidence,segment:mid-market,0,unknown_closed,0
      criterion_evidence,segment:mid-market,0,unknown_won,0
      criterion_evidence,segment:mid-market,0,unknown_win_rate,
      criterion_evidence,segment:mid-market,0,ratio,
      criterion_evidence,segment:mid-market,0,flag,
      "
    `);
  });

  it('quotes commas, quotes and line breaks, and defuses spreadsheet formulas', () => {
    const csv = renderReportCsv(fixedReview(), options);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('section,group,key,metric,value');
    expect(lines.at(-1)).toBe('');
    expect(csv).toContain(`off_strategy_pipeline,deals,d5,name,"'=HYPERLINK(""x"")"`);
    expect(csv).toContain(
      `off_strategy_pipeline,deals,d4,name,"<img src=x onerror=alert(1)> & ""Co"" pilot"`,
    );
    // Every line has exactly five fields (no field here holds a line break).
    for (const line of lines.slice(0, -1)) expect(splitCsvLine(line)).toHaveLength(5);
  });
});

describe('renderReportHtml', () => {
  const html = renderReportHtml(fixedReview(), { ...options, recordUrl });

  it('is one self-contained page: no script, no external resource, no URL but record links', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<script|<link|<iframe|<img|@import|url\(/i);
    const urls = html.match(/https?:\/\/[^\s"'<>]+/gi) ?? [];
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) {
      expect(url).toMatch(/^https:\/\/app\.hubspot\.com\/contacts\/12345\/record\/0-[23]\/\w+$/);
    }
    const plain = renderReportHtml(fixedReview(), options);
    expect(plain).not.toMatch(/http|<a /i);
  });

  it('escapes every name that comes from users', () => {
    expect(html).not.toContain(EVIL);
    expect(html).not.toContain('<b>Bold</b>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;Co&quot; pilot');
    expect(html).toContain('Bea &lt;b&gt;Bold&lt;/b&gt;');
  });

  it('links only https record URLs', () => {
    const bad = renderReportHtml(fixedReview(), {
      ...options,
      recordUrl: () => 'javascript:alert(1)',
    });
    expect(bad).not.toMatch(/javascript:|<a /);
  });

  it('shows the miscalibration warning first, and the charts a manager looks at', () => {
    const alert = html.indexOf('role="alert"');
    expect(alert).toBeGreaterThan(0);
    expect(alert).toBeLessThan(html.indexOf('class="cards"'));
    expect(html).toContain('The strategy may be miscalibrated.');
    const charts = [...html.matchAll(/<svg class="chart"[^>]*aria-label="([^"]*)"/g)].map(
      (m) => m[1],
    );
    expect(charts).toEqual([
      'Scored companies by tier group',
      'Companies per tier',
      'Open pipeline per tier',
      'Win rate per tier',
      'Off-strategy pipeline by owner',
      'Dream accounts per owner',
      'Score versions',
      'Win rate by discount band, all segments',
      'Criterion evidence: Enterprise SaaS',
      'Criterion evidence: Mid-market',
    ]);
    expect(html).toContain('partial</span>');
    expect(html).toContain('cap 2');
  });

  it('renders a fixed review the same way every time', () => {
    expect(renderReportHtml(fixedReview(), { ...options, recordUrl })).toBe(html);
  });
});

describe('a review with nothing in it (a new portal)', () => {
  const empty = (): StrategyReview =>
    createReviewAccumulator({
      strategy: STRATEGY,
      publishedVersion: 1,
      nowMs: NOW_MS,
      owners: [],
    }).finish();
  /** A table drawn with its header only: the top border, the header row, the bottom border. */
  const BARE_HEADER = /┌[^\n]*\n│[^\n]*\n└/;

  it('the table says None where a section has no rows, never a bare header', () => {
    const text = renderReportTable(empty(), options);
    expect(text).not.toMatch(BARE_HEADER);
    expect(text).toContain(
      'Off-strategy pipeline (open deals)\n  None: no open deals of off-strategy or refused companies.',
    );
    expect(text).toContain(
      'Dream capacity (cap 2 per owner)\n  None: no scored company has an owner.',
    );
  });

  it('the lift footnote never reads “(– of 0 deals)”', () => {
    const text = renderReportTable(empty(), options);
    const html = renderReportHtml(empty(), options);
    expect(text).not.toContain('– of 0');
    expect(html).not.toContain('– of 0');
    expect(text).toContain('(no closed off-strategy deals yet)');
    expect(html).toContain('(no closed off-strategy deals yet)');
  });

  it('HTML says None for every empty list; JSON and CSV keep their empty arrays and rows', () => {
    const html = renderReportHtml(empty(), options);
    expect(html).not.toMatch(/<tbody><\/tbody>/);
    expect(html).toContain('<p>None: no open deals of off-strategy or refused companies.</p>');
    const json = JSON.parse(renderReportJson(empty())) as StrategyReview;
    expect(json.offStrategyPipeline.deals).toEqual([]);
    expect(json.dreamCapacity.owners).toEqual([]);
    expect(renderReportCsv(empty(), options)).not.toContain('None');
  });
});

describe('the miscalibration warning when dream deals win less often (issue 13)', () => {
  /** 20 closed dream deals winning 10 %, 20 fit deals winning 40 %: no off-strategy deals. */
  const dreamLosing = (): StrategyReview => {
    const review = createReviewAccumulator({
      strategy: STRATEGY,
      publishedVersion: 1,
      nowMs: NOW_MS,
      owners: [],
    });
    const closed = (tier: 'dream' | 'fit', count: number, won: number) =>
      Array.from({ length: count }, (_, i) =>
        deal({
          id: `${tier}-${i}`,
          isClosed: true,
          isWon: i < won,
          createdAtMs: NOW_MS - 90 * 86_400_000,
          closedAtMs: NOW_MS - 30 * 86_400_000,
          tier,
          segmentId: 'enterprise-saas',
        }),
      );
    for (const d of [...closed('dream', 20, 2), ...closed('fit', 20, 8)]) review.addDeal(d);
    return review.finish();
  };

  it('the table, the HTML and the CSV say so, with both win rates', () => {
    const table = renderReportTable(dreamLosing(), options);
    expect(table).toContain(
      '!! The strategy may be miscalibrated: dream deals win less often than other deals.\n!! Dream: 10% of 20 closed deals; fit: 40% of 20 closed deals.',
    );
    expect(renderReportHtml(dreamLosing(), options)).toContain(
      'Dream deals win only 10% of 20 closed deals, less often than fit deals (40% of 20).',
    );
    expect(renderReportCsv(dreamLosing(), options)).toContain(
      'miscalibration,dream_below,fit,win_rate,0.4',
    );
  });
});
