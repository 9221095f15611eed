#!/bin/sh
# Writes the demo's unit files, units/<id>/<as_of>.toml: two reports per city,
# a month apart, so that a ranking by change has a previous report to compare.
# Every figure is invented for the demo: each item names all of its figures in
# `assumed`, so the screen and every report mark them with * (示例 / assumed).
# Run from anywhere; it rewrites the files beside it.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
# The folder is this script's own output: start it afresh.
rm -rf "$here/units"

# unit ID ZH EN AS_OF PM25 GOOD_DAYS BOILERS_DONE BOILERS_TOTAL OUTFALLS_DONE
#      OUTFALLS_TOTAL SECTIONS_GOOD SAFE_USE
unit() {
    mkdir -p "$here/units/$1"
    cat >"$here/units/$1/$4.toml" <<TOML
# $2 ($3): one city's report for the province roll-up demo (examples/province).
# Every figure is invented for the demo and marked assumed (*); generate.sh wrote it.
[meta]
title = { zh = "$2污染防治攻坚战", en = "$3 pollution-control campaigns" }
organisation = { zh = "$2生态环境局", en = "$3 Ecology and Environment Bureau" }
as_of = $4

[[campaign]]
id = "blue-sky"
name = { zh = "蓝天保卫战", en = "Blue Sky" }
theme = "air"
start = 2024-01-01
end = 2024-12-31
assumed = ["start", "end"]

[[campaign.indicator]]
id = "pm25"
name = { zh = "PM2.5 年均浓度", en = "PM2.5 annual mean" }
unit = "μg/m³"
value = $5
target = 35.0
better = "lower"
assumed = ["value", "target"]

[[campaign.indicator]]
id = "good-air-days"
name = { zh = "优良天数比例", en = "Share of good-air days" }
unit = "%"
value = $6
target = 80.0
better = "higher"
assumed = ["value", "target"]

[[campaign.task]]
id = "coal-boilers"
name = { zh = "燃煤锅炉淘汰", en = "Coal boilers retired" }
done = $7
total = $8
unit = { zh = "台", en = "boilers" }
assumed = ["done", "total"]

[[campaign]]
id = "clear-water"
name = { zh = "碧水保卫战", en = "Clear Water" }
theme = "water"
start = 2024-01-01
end = 2024-12-31
assumed = ["start", "end"]

[[campaign.indicator]]
id = "sections-good"
name = { zh = "国控断面水质优良比例", en = "National sections of good water" }
unit = "%"
value = ${11}
target = 90.0
better = "higher"
assumed = ["value", "target"]

[[campaign.task]]
id = "yangtze-outfalls"
name = { zh = "长江入河排污口整治", en = "Yangtze outfall rectification" }
done = $9
total = ${10}
unit = { zh = "个", en = "outfalls" }
assumed = ["done", "total"]

[[campaign]]
id = "clean-soil"
name = { zh = "净土保卫战", en = "Clean Soil" }
theme = "soil"
start = 2024-01-01
end = 2024-12-31
assumed = ["start", "end"]

[[campaign.indicator]]
id = "safe-use"
name = { zh = "受污染耕地安全利用率", en = "Safe use of polluted farmland" }
unit = "%"
value = ${12}
target = 93.0
better = "higher"
assumed = ["value", "target"]
TOML
}

# Wuhan, Yichang and Jingzhou cut PM2.5 by the same 2.0 since November (并列 by
# change); Huangshi and Yichang stand equal at 34.0 with equal good-air days
# (并列 by value, the tie-break item too). Xiantao's last report is October's:
# more than stale_after_days before the roll-up's date, so 未报送.
unit wuhan 武汉市 Wuhan 2024-11-30 38.0 77.1 42 50 188 210 88.5 94.0
unit wuhan 武汉市 Wuhan 2024-12-31 36.0 78.4 48 50 205 210 92.3 95.0
unit huangshi 黄石市 Huangshi 2024-11-30 35.0 81.0 18 20 80 120 87.5 91.0
unit huangshi 黄石市 Huangshi 2024-12-31 34.0 82.5 20 20 96 120 87.5 92.0
unit shiyan 十堰市 Shiyan 2024-11-30 29.0 91.5 12 12 55 60 100.0 96.0
unit shiyan 十堰市 Shiyan 2024-12-31 28.0 92.1 12 12 60 60 100.0 96.0
unit yichang 宜昌市 Yichang 2024-11-30 36.0 80.9 26 36 128 150 92.5 93.0
unit yichang 宜昌市 Yichang 2024-12-31 34.0 82.5 30 36 140 150 95.0 93.5
unit xiangyang 襄阳市 Xiangyang 2024-11-30 42.5 69.0 30 55 95 130 90.0 90.5
unit xiangyang 襄阳市 Xiangyang 2024-12-31 41.0 70.2 40 55 110 130 90.0 91.0
unit jingzhou 荆州市 Jingzhou 2024-11-30 40.0 75.2 22 30 120 185 82.0 92.0
unit jingzhou 荆州市 Jingzhou 2024-12-31 38.0 76.0 25 30 150 185 85.0 93.0
# 潜江市's year-end PM2.5 (31), good-air days (94 %) and Yangtze outfalls (110 of 113) are
# those of the shipped campaigns.toml, from the bureau's report; the demo marks them * all the same.
unit qianjiang 潜江市 Qianjiang 2024-11-30 32.0 93.6 9 10 104 113 100.0 94.0
unit qianjiang 潜江市 Qianjiang 2024-12-31 31.0 94.0 10 10 110 113 100.0 94.0
unit xiantao 仙桃市 Xiantao 2024-09-30 34.0 83.0 6 12 60 90 90.0 92.0
unit xiantao 仙桃市 Xiantao 2024-10-31 33.0 84.0 8 12 70 90 90.0 92.0
