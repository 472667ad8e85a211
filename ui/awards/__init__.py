"""奖项与证书: the award lists, printing certificates, the template editor and the register."""
