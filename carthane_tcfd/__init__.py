"""Carthane TCFD climate risk register."""

from __future__ import annotations

__version__ = "0.1.0"
APP_NAME = "Carthane TCFD Climate Risk Register"
APP_NAME_ZH = "凯众 TCFD 气候风险登记册"
COMPANY_ZH = "上海凯众材料科技股份有限公司"
COMPANY_EN = "Shanghai Carthane Co., Ltd."
