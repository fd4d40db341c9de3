"""The report's sentences, Japanese beside English: :func:`text` and :func:`join`.

Every sentence the report template and its building blocks show is one
``(Japanese, English)`` template here, filled by :func:`text`; labels of
columns, codes and numbers are in :mod:`outcomes.report._labels`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from outcomes._format import check_language
from outcomes._messages import Catalogue, Message, render

__all__ = ["REPORT_TEXT", "join", "literal", "text"]

#: ASCII punctuation: what Markdown (and HTML) can read as markup
_MARKUP = re.compile(r"[!-/:-@\[-`{-~]")


# --------------------------------------------------------------------------
# The report's sentences
# --------------------------------------------------------------------------

#: the report's catalogue, of the package's one shape {code: (Japanese, English)};
#: ``str.format`` fields are filled by :func:`text` (``outcomes._messages.render``)
REPORT_TEXT: Catalogue = {
    # ---- the page ----
    "page_title": ("残債和解レポート — {source}", "Residual-debt settlement report — {source}"),
    "title": ("# 残債和解レポート(社内用)", "# Residual-debt settlement report (internal)"),
    "question": (
        "**この報告が答える問い**: この条件の案件は、どの債権者・サービサーで、どのくらいの和解率・"
        "月額で、売却からどのくらいで決着したか。モデルの見立てはどれだけ当たり、交渉中の案件には"
        "どんな目安が出せるか。\n\n"
        "任意売却後の残債について、和解の実績とモデルの見立てをまとめた社内資料です。条件に合う"
        "**全案件**で集計し、{k} 件未満の案件から成る集計セルだけを「k未満」として伏せています。"
        "示す目安はすべて社内の推計で、債務者への約束ではありません。",
        "**The questions this report answers**: for the selected cases, which creditors and "
        "servicers were they with, at what settlement ratios and monthly amounts did they settle, "
        "and how long after the sale? How well do the models predict, and what guidance can they "
        "give for the cases still in negotiation?\n\n"
        "An internal summary of the settlements of residual debts after a voluntary home sale "
        "(任意売却), and of the models' estimates. **Every** selected case is counted; only cells "
        "made of fewer than {k} cases are hidden (shown as “under k”). Every figure of guidance "
        "is an internal estimate, never a promise to a debtor.",
    ),
    # ---- the header table ----
    "h_item": ("項目", "Item"),
    "h_value": ("内容", "Value"),
    "h_produced": ("作成日時", "Produced"),
    "h_source": ("入力ファイル", "Input file"),
    "h_version": ("outcomes のバージョン", "outcomes version"),
    "h_period": ("和解期間", "Agreement period"),
    "h_period_note": (
        "(和解日、交渉中の案件は売却日で判定)",
        " (by agreement date; a pending case by its sale date)",
    ),
    "h_compare": ("比較する期間", "Compared with"),
    "h_compare_none": ("なし(期間の指定がありません)", "none (no period chosen)"),
    "h_servicer": ("サービサー", "Servicer"),
    "h_servicer_as_given": ("{name}(指定: {given})", "{name} (as given: {given})"),
    "h_creditor_type": ("債権者区分", "Creditor type"),
    "h_all": ("全て", "all"),
    "h_k": ("k(最小の表示単位)", "k (smallest group shown)"),
    "h_k_value": (
        "{k} — 条件に合う全案件で集計し、{k} 件未満の案件から成る集計セルは「k未満」と表示します",
        "{k} — every selected case is counted; a cell made of fewer than {k} cases reads “under k”",
    ),
    "h_k_below_default": (
        "(社の既定 {default} より小さい値です)",
        " (smaller than the firm's default of {default})",
    ),
    "all_periods": ("全期間", "all periods"),
    "range": ("{low} 〜 {high}", "{low} – {high}"),
    "list_separator": ("、", ", "),
    "named_n": ("{name}(n={n})", "{name} (n={n})"),
    # ---- 1. data quality ----
    "s1": (
        "## 1. データの品質\n\n"
        "クリーニングで読んだ記録と残した案件、報告された問題の種類と件数です(問題の件数は"
        "個人情報ではないため、すべて示します)。問題のあった値そのものは載せません(クリーニングの"
        "問題表で確認してください)。",
        "## 1. Data quality\n\n"
        "Records read and cases kept by the cleaning, and the kinds and numbers of problems it "
        "reported (counts of problems are not personal data and are shown in full). The values "
        "themselves are not printed here (see the cleaning's problems table).",
    ),
    "q_rows": ("読み込んだ行数", "Records read"),
    "q_cases": ("案件数(同一案件の行をまとめた後)", "Cases (rows of one case merged)"),
    "q_clean_input": (
        "入力はクリーニング済みの表です(問題の一覧はありません)",
        "The input is an already-clean table (no problems to list)",
    ),
    "q_problems": (
        "クリーニングで報告された問題: **{n}** 件(内訳は下の表)",
        "Problems reported by the cleaning: **{n}** (by kind below)",
    ),
    "q_selected": (
        "条件に合う案件: **{n}**(すべてを集計します。除いた案件はありません)",
        "Selected cases: **{n}** (all of them are counted; none was left out)",
    ),
    "problems_caption": (
        "種類と列ごとの問題の件数(多い順)",
        "Problems by kind and column (most first)",
    ),
    "outside_contract": ("(契約外の列)", "(columns outside the contract)"),
    # ---- 2. case mix ----
    "s2": (
        "## 2. 案件の構成\n\n"
        "条件に合う全案件の債権者区分、職業、年代、解決方法、都道府県です(年代は若い順、ほかは"
        "件数の多い順)。",
        "## 2. Case mix\n\n"
        "Creditor type, employment, age band, resolution and prefecture of all selected cases "
        "(age bands youngest first, the others most cases first).",
    ),
    "title_creditor_type": ("債権者区分", "Creditor type"),
    "title_employment": ("職業", "Employment"),
    "title_age_band": ("年代", "Age band"),
    "title_resolution": ("解決方法", "Resolution"),
    "prefectures_title": ("都道府県(件数の多い{n})", "Prefectures (the {n} with most cases)"),
    "prefectures_rest": (
        "図にない都道府県が、ほかに {n} あります(件数の少ないもの、または {k} 件未満のもの)。",
        "{n} more prefectures are not drawn (those with fewer cases, or under {k}).",
    ),
    "debt_by_type_title": (
        "債権者区分別の残債(対数目盛)",
        "Residual debt by creditor type (log scale)",
    ),
    "debt_by_type": ("債権者区分別の残債", "Residual debt by creditor type"),
    # ---- 3. outcomes ----
    "s3": (
        "## 3. 和解の結果\n\n"
        "和解率は一括和解の案件の支払額÷残債、月額は分割弁済の案件の月々の返済額です。範囲は "
        "10%点〜90%点(箱は四分位)で、個々の案件の値は示しません。",
        "## 3. Settlements\n\n"
        "The settlement ratio is what a lump-sum settlement paid over the residual debt; the "
        "monthly amount is what an instalment plan pays each month. Ranges are the 10th–90th "
        "percentiles (boxes the quartiles); no single case's value is shown.",
    ),
    "s3_by_type": ("### 債権者区分別", "### By creditor type"),
    "lump_ratio": ("一括和解の和解率", "Settlement ratio of lump sums"),
    "installment_monthly": ("分割弁済の月額", "Monthly amount of instalment plans"),
    "ratio_by_type": (
        "債権者区分別の和解率(一括和解)",
        "Settlement ratio by creditor type (lump sums)",
    ),
    "monthly_by_type": (
        "債権者区分別の月額(分割弁済)",
        "Monthly amount by creditor type (instalment plans)",
    ),
    "s3_league_heading": (
        "### サービサーの比較(リーグ表)",
        "### Servicers compared (league tables)",
    ),
    "s3_league": (
        "サービサーごとの和解率(一括和解)と月額(分割弁済)の中央値と、その 95% 区間(順序統計量に"
        "よる)、同じ案件についてのモデルの予測の中央値です。実績が予測より高いサービサーは、"
        "モデルの見立てより厳しい(多く払わせる)傾向があります。{k} 件未満のサービサーは"
        "「{pooled}」にまとめています。\n\n"
        "順位は付けません。区間が重なるサービサーの中央値の差は、偶然でも生じるからです。"
        "95% 区間がまるごと全体の中央値より上(下)にあるサービサーだけを「高い」(「低い」)と"
        "示します。",
        "Each servicer's median settlement ratio (lump sums) and monthly amount (instalment "
        "plans), with a 95% interval (from order statistics), beside the model's median "
        "prediction for the same cases. A servicer above its prediction settles harder than the "
        "model expects. Servicers with fewer than {k} cases are counted together as “{pooled}”.\n\n"
        "The servicers are not ranked: medians whose intervals overlap differ by chance too. "
        "Only a servicer whose whole 95% interval lies above (below) the median of all the cases "
        "is marked “higher” (“lower”).",
    ),
    "league_one_servicer": (
        "この報告はサービサーを {name} に絞っているため、サービサーどうしの比較はありません。",
        "This report is about one servicer ({name}), so there is no comparison between servicers.",
    ),
    "league_ratio": (
        "サービサー別の和解率(一括和解、中央値の高い順)",
        "Settlement ratio by servicer (lump sums, highest median first)",
    ),
    "league_monthly": (
        "サービサー別の月額(分割弁済、中央値の高い順)",
        "Monthly amount by servicer (instalment plans, highest median first)",
    ),
    "league_uniform": (
        "{what}の中央値は、比較できる {n} 社すべてで{value}です(金額が{value}に集中しているため、"
        "中央値ではサービサーの差が見えません)。表は省きます。",
        "The median {what} is {value} for all {n} servicers that can be compared (amounts "
        "cluster at {value}, so the median shows no difference between servicers); the table "
        "is left out.",
    ),
    "league_uniform_monthly": ("月額(分割弁済)", "monthly amount (instalment plans)"),
    "league_uniform_ratio": ("和解率(一括和解)", "settlement ratio (lump sums)"),
    "league_against": ("全体の中央値({overall})と比べて", "Against the overall median ({overall})"),
    "league_higher": ("高い", "higher"),
    "league_lower": ("低い", "lower"),
    "league_within": ("はっきりした差なし", "no clear difference"),
    "league_cases": ("件数", "Cases"),
    "league_median": ("中央値", "Median"),
    "league_interval": ("95%区間", "95% interval"),
    "league_expected": ("モデルの予測(中央値)", "Model's prediction (median)"),
    "pooled_servicers": ("その他(小規模のサービサー)", "other (small servicers)"),
    "s3_trend": (
        "### 推移と前期との比較\n\n"
        "和解日の四半期ごとの中央値と、その 95% 区間です({k} 件未満の四半期は空白。四半期ごとでは"
        "2つ以上を示せないときは年ごと)。期間を指定したときは、その前の同じ長さの期間(または指定"
        "した比較期間)と比べます。",
        "### Trend, and the previous period\n\n"
        "Medians per quarter of the agreement date, with their 95% interval (a quarter of fewer "
        "than {k} cases is a gap; by year where fewer than two quarters could be shown). With a "
        "period, it is compared with the period of equal length before it (or the period given "
        "to compare with).",
    ),
    "trend_ratio": ("和解率の四半期推移(一括和解)", "Settlement ratio by quarter (lump sums)"),
    "trend_monthly": ("月額の四半期推移(分割弁済)", "Monthly amount by quarter (instalment plans)"),
    "no_period": (
        "期間の指定がないため、前期との比較はありません。",
        "No period was chosen, so there is no comparison with a previous period.",
    ),
    "no_compare_open": (
        "期間の始まりか終わりが開いているため、比べる前期が決まらず、前期との比較はありません"
        "(比べる期間を指定すれば示します)。",
        "The period is open at one end, so there is no previous period of equal length to "
        "compare with (one is compared when given).",
    ),
    "no_previous": (
        "比較する期間({period})には条件に合う案件がないため、前期との比較はありません。",
        "No case of this selection falls in the period compared with ({period}), so there is "
        "no comparison.",
    ),
    "compare_caption": (
        "今期({now})と前期({before})の比較({k}件未満は「k未満」)",
        "This period ({now}) and the previous one ({before}); fewer than {k} cases: “under k”",
    ),
    "compare_item": ("項目", "Measure"),
    "compare_now": ("今期", "This period"),
    "compare_before": ("前期", "Previous period"),
    "compare_now_cases": ("今期の件数", "This period: cases"),
    "compare_before_cases": ("前期の件数", "Previous period: cases"),
    "m_cases": ("件数", "Cases"),
    "m_ratio": ("和解率の中央値(一括和解)", "Median settlement ratio (lump sums)"),
    "m_monthly": ("月額の中央値(分割弁済)", "Median monthly amount (instalment plans)"),
    "m_months": ("売却から和解までの月数の中央値", "Median months from sale to agreement"),
    "s3_time": (
        "### 売却から和解までの期間\n\n"
        "売却から和解までの月数を、カプラン・マイヤー法で推定した「まだ和解していない割合」で示し"
        "ます。交渉中の案件は除かず、データの日付の時点でまだ和解していない(打ち切り)として扱い"
        "ます(月数と打ち切りの定義はモデルと同じです)。曲線は、残っている案件が {k} 件以上の間"
        "だけ描きます。",
        "### Time from the sale to the agreement\n\n"
        "The share of cases not yet agreed, by months after the sale (Kaplan–Meier). Pending "
        "cases are kept, as not agreed yet at the data's date (censored; months and censoring "
        "are defined as for the models). A curve is drawn only while {k} or more cases remain.",
    ),
    "km_by_type": ("債権者区分別", "By creditor type"),
    "km_by_servicer": ("サービサー別(件数の多い6社)", "By servicer (the 6 with most cases)"),
    "km_all": ("全体", "All selected cases"),
    "km_x": ("売却からの月数", "Months since the sale"),
    "km_y": ("まだ和解していない割合", "Share not yet agreed"),
    "resolution_by_type": ("債権者区分別の解決方法", "Resolution by creditor type"),
    # ---- 4. models ----
    "s4": (
        "## 4. モデルの精度と較正\n\n"
        "和解率(一括和解)と月額(分割弁済)のモデルを、単純な基準(学習データの中央値、債権者区分"
        "ごとの中央値)と並べます。数字はすべて**交差検証**(学習に使っていない案件での確認)で、"
        "モデルを学習した案件そのものでの的中率は示しません。保存済みのモデルを使うときはその学習"
        "時に保存した交差検証の結果を、そうでないときはこの場で全案件について交差検証した結果を"
        "示します。平均絶対誤差は小さいほど良く、90%区間の的中率は 90% に近いほど良く、同じ的中率"
        "なら幅が狭いほど役に立ちます。",
        "## 4. How good the models are\n\n"
        "The settlement-ratio (lump sums) and monthly-amount (instalment plans) models beside "
        "simple rules (the training median, the median per creditor type). Every figure is "
        "**cross-validated** (checked on cases the model did not learn from); accuracy on the "
        "training cases themselves is never shown. With saved models, the cross-validation "
        "saved when they were fitted is shown; otherwise all cases are cross-validated here. "
        "A lower mean absolute error is better; a 90% interval should hold close to 90% of the "
        "cases, and at equal coverage a narrower interval is more useful.",
    ),
    "calibration_note": (
        "較正の図: 点が対角線上にあれば、その水準の予測区間が名目どおりの割合の案件を含んでいます"
        "(対角線より下なら区間が狭すぎ、上なら広すぎ)。",
        "Calibration: a point on the diagonal means the model's intervals of that level hold "
        "the promised share of cases (below: too narrow; above: too wide).",
    ),
    "calibration_one_level": (
        "保存済みのモデルには {level} 区間の結果しかないため、点は1つずつです(学習し直すと 50%・"
        "80%・90% の3つの水準を示します)。",
        " The saved models hold the {level} interval only, so each model has one point (fitted "
        "again, they show the 50%, 80% and 90% levels).",
    ),
    "cal_title": ("予測区間の較正", "Calibration of the prediction intervals"),
    "cal_x": ("区間の名目の水準", "Stated level of the interval"),
    "cal_y": ("実際に区間に入った割合", "Share of cases inside the interval"),
    "cal_ideal": ("理想(対角線)", "ideal (diagonal)"),
    "acc_method": ("方法", "Method"),
    "acc_mae": ("平均絶対誤差", "Mean absolute error"),
    "acc_coverage": ("{level}区間の的中率", "{level} interval: coverage"),
    "acc_width": ("{level}区間の平均幅", "{level} interval: mean width"),
    "acc_n": ("確認した件数", "Cases checked"),
    "model_row": ("モデル", "model"),
    "origin_saved": (
        "保存済みのモデル({fitted}に学習)を読み込み(再学習なし)。精度は{cv}分割の交差検証({n}件、"
        "学習時に保存した結果)",
        "saved model (fitted {fitted}) loaded, not re-fitted; accuracy from the {cv}-fold "
        "cross-validation saved when it was fitted ({n} cases)",
    ),
    "origin_fitted": (
        "{cv}分割の交差検証({day}、この報告の案件 {n} 件、学習に使っていない案件で確認)。予測の"
        "目安には全件で学習したモデルを使用",
        "{cv}-fold cross-validation ({day}, {n} cases of this report, each checked by a model "
        "that did not learn from it); the guidance uses the model fitted on all of them",
    ),
    "today": ("本日", "today"),
    "date_unknown": ("日付不明", "date unknown"),
    "no_saved_evaluation": (
        "保存済みのモデルに交差検証の結果がありません(学習に使った案件での的中率は楽観的なので"
        "示しません)。",
        "The saved models hold no cross-validation (accuracy on their own training cases would "
        "flatter them, so none is shown).",
    ),
    "too_few_to_fit": (
        "対象の案件が {n} 件と少なく、モデルを学習できません。",
        "Only {n} cases to learn from: too few to fit the model.",
    ),
    "too_few_for_k": (
        "対象の案件が {n} 件で k = {k} 件に届かないため、モデルの確認は示しません。",
        "Only {n} cases, fewer than k = {k}: the model's check is not shown.",
    ),
    "s4_drift": (
        "### この期間の案件とモデルの学習データの比較\n\n"
        "モデルが学んだ案件(学習時に保存した学習データの要約)と、この報告の案件の特徴量の分布を"
        "比べます。PSI が 0.1 を超え、偶然では説明しにくい差を「変化あり」としています。PSI が "
        "0.1 を超えても案件が少なく偶然と区別できないときは「件数が少なく判定できません」です。"
        "範囲外・未知の割合は、学習データの最小〜最大の外にある値や、学習時になかった区分の割合"
        "です。分布の差は、数値の特徴量では学習データの標準偏差を単位にした分布のずれ(ワッサー"
        "スタイン距離)、区分の特徴量では各区分の割合の差の合計の半分(0〜1)で、0 なら同じ分布"
        "です。変化のある特徴量が多いときは、モデルの予測が外れやすくなります(最新の案件でモデル"
        "を学習し直してください)。",
        "### This period's cases against the models' training data\n\n"
        "The distribution of each feature in this report's cases against the cases the models "
        "learned from (the summary saved with them). A PSI above 0.1 that chance hardly "
        "explains reads “shifted”; a PSI above 0.1 on too few cases to tell it from chance reads "
        "“too few cases to tell”. Out of range / unseen is the share of values outside the "
        "training minimum–maximum, or of categories never seen in training. The distance is, "
        "for a number, the shift of the distribution in training standard deviations "
        "(Wasserstein), and for a category half the summed differences of the shares (0–1); 0 "
        "means the same distribution. With many shifted features the models miss more often "
        "(fit them again on recent cases).",
    ),
    "drift_caption": (
        "特徴量ごとの分布の変化(この報告の案件 対 学習データ)",
        "Change of each feature (this report's cases against the training data)",
    ),
    "drift_feature": ("特徴量", "Feature"),
    "drift_distance": ("分布の差(0=同じ)", "Distance (0 = same)"),
    "drift_outside": ("範囲外・未知の割合", "Out of range / unseen"),
    "drift_new": ("新しい区分", "New categories"),
    "drift_verdict": ("判定", "Verdict"),
    "drift_stable": ("安定", "stable"),
    "drift_shifted": ("変化あり", "shifted"),
    "drift_too_few": ("件数が少なく判定できません", "too few cases to tell"),
    "drift_more": ("ほか{n}区分({suppressed})", "{n} more ({suppressed})"),
    "drift_same_data": (
        "### この期間の案件とモデルの学習データの比較\n\n"
        "この報告の案件は、モデルの学習データとどの特徴量でも同じ分布です(このデータで学習した"
        "モデルです)。比べるものがないため、表は省きます。期間を指定すると、その期間の案件と"
        "比べます。",
        "### This period's cases against the models' training data\n\n"
        "The report's cases are distributed exactly as the model's training data in every "
        "feature (the model was fitted on this data): there is nothing to compare, and the table "
        "is left out. Choose a period to compare its cases with the training data.",
    ),
    "drift_needs_model": (
        "学習データとの比較は、保存済みのモデルを使ったときに示します。",
        "The comparison with the training data is shown when the report uses saved models.",
    ),
    "drift_no_profile": (
        "この保存済みのモデルには学習データの要約がないため、学習データとの比較はできません。",
        "These saved models hold no summary of their training data, so there is no comparison.",
    ),
    # ---- 5. guidance ----
    "s5": (
        "## 5. 和解率と月額の目安\n\n"
        "モデルが各案件について予測した中央値と 80% 区間(10%点〜90%点)を、グループごとに典型的な"
        "値(各案件の予測の中央値)でまとめたものです。交渉中の案件の見通しにも使えますが、社内の"
        "推計であり、債務者への約束ではありません。\n\n"
        "交渉中の案件の想定額の**合計**は、各案件の予測の**平均**(較正済み)を足したものです"
        "(中央値の合計は、偏った分布の合計を小さく見積もります)。",
        "## 5. Guidance on ratios and monthly amounts\n\n"
        "The model's median and 80% interval (10th–90th percentile) for each case, summarised "
        "per group by the typical value (the median of the cases' predictions). They can guide "
        "the cases still in negotiation, but they are internal estimates, never a promise to a "
        "debtor.\n\n"
        "The **totals** expected from the cases in negotiation add up each case's predicted "
        "**mean** (calibrated): a sum of medians understates a skewed total.",
    ),
    "ranges_caption": (
        "{model}の予測({by}別、各案件の予測の中央値)",
        "{model}: predictions by {by} (median of the cases' predictions)",
    ),
    "ranges_low": ("下限({level}点)", "Low ({level} pct.)"),
    "ranges_median": ("予測の中央値", "Predicted median"),
    "ranges_high": ("上限({level}点)", "High ({level} pct.)"),
    "totals_caption": (
        "交渉中の案件の想定額の合計({by}別、各案件の予測の平均を合計)",
        "Expected totals of the cases in negotiation (by {by}; sums of each case's predicted mean)",
    ),
    "totals_total": ("合計", "Total"),
    "totals_pooled": ("件数の少ない区分の計", "smaller groups combined"),
    "totals_none": (
        "交渉中の案件が {k} 件未満のため、想定額の合計は示せません。",
        "Fewer than {k} cases in negotiation: no expected totals can be shown.",
    ),
    # ---- what cannot be shown ----
    "cannot_show": (
        "この条件では、次は示せません(どのグループも {k} 件未満のため): {items}。",
        "Not shown for this selection (every group has fewer than {k} cases): {items}.",
    ),
    "nothing_to_show": (
        "表示できるグループがありません(どれも{k}件未満)",
        "No group to show (each has fewer than {k} cases)",
    ),
    "under_k_axis": (
        "({k}件未満のグループは「k未満」として非表示)",
        " (groups under {k} cases not drawn)",
    ),
    "box_axis": ("(箱: 四分位、ひげ: 10–90%点)", " (box: quartiles; whiskers: 10th–90th pct.)"),
    "share_axis": ("割合", "Share"),
    "trend_interval": ("中央値の95%区間", "95% interval of the median"),
    "trend_median": ("中央値", "median"),
    "trend_quarter_axis": (
        "和解日の四半期(目盛りは各年の最初の四半期)",
        "Quarter of the agreement (ticks at each year's first quarter)",
    ),
    "trend_year_axis": ("和解年", "Year of the agreement"),
    # ---- about, suppression, next steps ----
    "about": (
        "## この報告について\n\n"
        "- 集計は条件に合う全案件で行い、案件を事前に除くことはしていません。{k} 件未満の案件から"
        "成る集計セル(表の行、図の棒・箱・四半期・曲線の残り)は「k未満」として示さず、伏せたセルが"
        "合計からの引き算で分かる場合は、もう一つのセルも併せて伏せています。\n"
        "- 範囲は 10%点〜90%点です。最小値・最大値や外れ値など、個々の案件の値は示しません。\n"
        "- 問題の値、債権者名、自由記述(備考)は載せません。\n"
        "- モデルは全案件で学習したものです。精度は交差検証の結果だけを示します。\n"
        "- 示した目安・予測は社内の推計であり、債務者への約束や法的助言ではありません。債権者との"
        "減額・免除の交渉や、時効・免責などの法的判断(鑑定)は弁護士に依頼します(弁護士法72条)。\n"
        "- 金額の合計は各案件の予測の平均から、1件ごとの目安は中央値から求めています。",
        "## About this report\n\n"
        "- Every selected case is counted; no case is removed beforehand. A cell made of fewer "
        "than {k} cases (a table row; a bar, box, quarter or the tail of a curve) reads “under "
        "k”, and where a hidden cell could be recovered by subtraction from a total, a second "
        "cell is hidden with it.\n"
        "- Ranges are the 10th–90th percentiles; no minimum, maximum, outlier or other single "
        "case's value is shown.\n"
        "- No problem value, creditor name or free text (notes) is printed.\n"
        "- The models learned from all cases; only their cross-validated accuracy is shown.\n"
        "- The guidance and predictions are internal estimates, not a promise to a debtor and "
        "not legal advice. Negotiating a reduction or forgiveness with a creditor, and any legal "
        "assessment (limitation, discharge), is for a lawyer (弁護士; 弁護士法 §72).\n"
        "- Totals of amounts add up each case's predicted mean; the guidance for one case is "
        "its median.",
    ),
    "suppressed_none": (
        "この報告では、{k} 件未満のため伏せた集計セルはありません。",
        "No cell of this report had to be hidden for having fewer than {k} cases.",
    ),
    "suppressed_some": (
        "この報告では集計セル **{cells}** 個を「k未満」として伏せました(うち {complementary} 個は、"
        "伏せたセルが合計からの引き算で分からないように併せて伏せたもの)。{k} 件未満の案件から成る"
        "セルは、件数も統計値も示しません。",
        "This report hides **{cells}** cells as “under k” ({complementary} of them hidden with "
        "another so that it cannot be recovered by subtraction from a total). A cell made of "
        "fewer than {k} cases shows neither its count nor any statistic.",
    ),
    "next": (
        "## 次にすること\n\n"
        "- データの品質の表で件数の多い問題は、クリーニングの問題表で行を確かめ、元の案件シートで"
        "直してください。\n"
        "- 交渉中の案件には、案件ごとに最初の提示額と各解決方法の比較を作れます(outcomes offer)。\n"
        "- モデルの的中率が名目から大きく外れる区分があれば、最新の案件でモデルを学習し直し"
        "(outcomes fit)、そのモデルでこの報告を作り直してください。",
        "## Next steps\n\n"
        "- For the most frequent problems of the data-quality table, look the rows up in the "
        "cleaning's problems table and correct them in the case sheet.\n"
        "- For a case in negotiation, an opening offer and a comparison of the ways out can be "
        "made case by case (outcomes offer).\n"
        "- Where a model's coverage is far from its stated level, fit the models again on "
        "recent cases (outcomes fit) and produce this report again with them.",
    ),
    # ---- refusals (one line each) ----
    "no_case_servicer": (
        "サービサー「{given}」の案件はありません({why}{maybe})",
        "no case of servicer {given!r} ({why}{maybe})",
    ),
    "why_unknown_servicer": (
        "登録簿にもデータにもない名前です",
        "the name is neither in the registry nor in the data",
    ),
    "why_servicer_not_in_data": (
        "登録簿の「{name}」ですが、このデータには案件がありません",
        "{name} is in the registry but has no case in this data",
    ),
    "maybe": ("。もしかして: {names}", "; did you mean: {names}?"),
    "data_servicers": (
        "。データにあるサービサー: {names}",
        "; servicers in the data: {names}",
    ),
    "no_case_creditor_type": (
        "債権者区分「{label}」の案件はこのデータにありません(データにある区分: {present})",
        "no case of creditor type {label!r} in this data (types present: {present})",
    ),
    "no_case_period": (
        "期間 {period} に案件はありません(このデータの案件は {first} 〜 {last})",
        "no case in the period {period} (the data's cases run from {first} to {last})",
    ),
    "k_over_cases": (
        "k = {k} はこのデータの案件の数({n}件)より大きく、どの集計も「k未満」になります。"
        "k を {n} 以下にしてください",
        "k = {k} is more than the data's {n} cases: every figure would read “under k”; "
        "choose a k of {n} or less",
    ),
    "no_case_selection": (
        "条件({what})に合う案件はありません{range}",
        "no case matches the selection ({what}){range}",
    ),
    "selection_range": (
        "(期間を除いた条件の案件は {first} 〜 {last})",
        " (without the period, its cases run from {first} to {last})",
    ),
    "sel_period": ("期間 {period}", "period {period}"),
    "sel_servicer": ("サービサー {name}", "servicer {name}"),
    "sel_creditor_type": ("債権者区分 {label}", "creditor type {label}"),
    "bad_output": (
        "{path} には書けません: 報告は .html ファイルです(PDF も欲しいときは --pdf を付けると、"
        "HTML の横に同じ名前の .pdf を書きます)",
        "cannot write {path}: the report is an .html file (add --pdf to also write a PDF beside "
        "it, with the same name)",
    ),
    "bad_dir": (
        "{path} には書けません: ディレクトリ {dir} がありません",
        "cannot write {path}: directory {dir} does not exist",
    ),
    "bad_model_dir": (
        "モデルのディレクトリ {path} がありません",
        "model directory {path} does not exist",
    ),
    "cell_failed": ("報告を作成できませんでした: {error}", "the report could not be made: {error}"),
    "pdf_needs_weasyprint": (
        "--pdf には WeasyPrint と Pango ライブラリが要ります({reason})。"
        "pip install 'outcomes[pdf]' を実行するか、HTML の報告をブラウザーから印刷してください",
        "--pdf needs WeasyPrint and its Pango library ({reason}): "
        "pip install 'outcomes[pdf]', or print the HTML report from a browser",
    ),
    "bad_period_form": (
        "期間「{given}」: YYYY-MM:YYYY-MM の形で書いてください(例: 2023-01:2024-12)",
        "period {given!r}: write it as YYYY-MM:YYYY-MM, e.g. 2023-01:2024-12",
    ),
    "bad_period_part": (
        "期間「{given}」: 「{part}」は年(YYYY)でも月(YYYY-MM)でもありません",
        "period {given!r}: {part!r} is not a year or a YYYY-MM month",
    ),
    "bad_period_order": (
        "期間「{given}」: 始まりが終わりより後です",
        "period {given!r}: the start is after the end",
    ),
}


def text(key: str, language: str = "ja", **fields: object) -> str:
    """One of the report's sentences (Markdown), in its language, with ``fields`` filled in.

    Examples
    --------
    >>> text("cannot_show", "en", k=10, items="age band, employment")
    'Not shown for this selection (every group has fewer than 10 cases): age band, employment.'
    >>> text("h_servicer", "ja")
    'サービサー'
    """
    if not fields:  # a template without fields is shown as written (Markdown braces and all)
        return REPORT_TEXT[key][0 if check_language(language) == "ja" else 1]
    return render(Message(key, fields), language, REPORT_TEXT)


def join(items: Sequence[str], language: str = "ja") -> str:
    """Items of a list in a sentence: ``A、B`` or ``A, B``.

    Examples
    --------
    >>> join(["A", "B"]), join(["A", "B"], "en")
    ('A、B', 'A, B')
    """
    return REPORT_TEXT["list_separator"][0 if check_language(language) == "ja" else 1].join(items)


def literal(value: object) -> str:
    """Text from the data or a file name, shown as written in the report's Markdown.

    Every ASCII punctuation character becomes its HTML character reference, so
    that neither Markdown nor HTML reads markup in it: a servicer or a file named
    ``[x](javascript:alert(1)).csv`` is shown as those characters, never as a
    link or an image, and a bare ``https://…`` is not made a link (issue 26,
    reliability review finding 2). HTML escaping alone does nothing to Markdown.

    Examples
    --------
    >>> literal("[x](javascript:alert(1)).csv")
    '&#91;x&#93;&#40;javascript&#58;alert&#40;1&#41;&#41;&#46;csv'
    >>> literal("SMBC債権回収")
    'SMBC債権回収'
    """
    return _MARKUP.sub(lambda m: f"&#{ord(m.group())};", str(value))
