#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: cloud_gateway_configuration_info
short_description: List Konnect dedicated cloud gateway configurations
version_added: 0.1.0
description:
  - "Read the cloud gateway configurations of the organization, by id or with filters (C(control_plane_id), C(control_plane_geo))."
  - "Always returns a list."
author:
  - konnect.konnect contributors (@konnect-konnect)
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity.info
  - konnect.konnect.attributes.info_module
seealso:
  - module: konnect.konnect.cloud_gateway_configuration
'''

EXAMPLES = r'''
- name: All configurations
  konnect.konnect.cloud_gateway_configuration_info:

- name: The configuration of one control plane
  konnect.konnect.cloud_gateway_configuration_info:
    filters:
      control_plane_id: 1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d
      control_plane_geo: us
'''

RETURN = r'''
cloud_gateway_configurations:
  description: The configurations found, as Konnect returns them.
  returned: always
  type: list
  elements: dict
  sample:
    - id: 9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d
      control_plane_geo: us
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import InfoTask

TASK = InfoTask('cloud_gateway_configuration')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
