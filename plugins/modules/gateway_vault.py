#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: gateway_vault
short_description: Manage vaults (secret backends) of a Konnect control plane
version_added: 0.1.0
description:
  - Create, update and delete Kong Gateway vaults in a Konnect control plane. A vault connects Kong to a secret backend,
    so that other entities (certificates, plugin configurations, partials) can hold a reference such as
    C({vault://<prefix>/<secret>}) instead of the secret itself; Kong resolves it on the data planes.
  - A vault is found by O(id) or by its O(prefix) within the control plane (Konnect reads it by prefix directly).
  - O(config) is compared only on the keys the task gives, and on update it is merged into the vault's current
    configuration.
  - Creating, changing or deleting a vault in a control plane group or in a control plane managed by the Kong Ingress
    Controller fails before anything is written.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  prefix:
    description:
      - The vault's prefix, unique in the control plane; references name it after C(vault://), as in
        V({vault://aws-prod/orders-db/password}). Required unless O(id) is given; with O(id), a different prefix renames
        the vault (and breaks the references that use the old one).
    type: str
  name:
    description:
      - The kind of secret backend, for example V(env) (environment variables of the data plane), V(aws) (AWS Secrets
        Manager), V(gcp) (Google Secret Manager), V(azure) (Azure Key Vault), V(hcv) (HashiCorp Vault) or V(konnect)
        (a Konnect config store). Required with O(state=present).
      - Which kinds a data plane supports depends on its Kong Gateway version and edition.
    type: str
  description:
    description:
      - Free-text description of the vault.
    type: str
  config:
    description:
      - The backend's settings, whose keys depend on O(name); for example C(prefix) for V(env), C(region) for V(aws),
        C(project_id) for V(gcp), C(config_store_id) for V(konnect), or C(host), C(mount), C(kv) and C(auth_method)
        for V(hcv).
      - Only the keys given are compared and changed.
      - Not treated as secret; set C(no_log) on the task if it carries a credential.
    type: dict
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity.control_plane
  - konnect.konnect.entity
  - konnect.konnect.entity.tags
  - konnect.konnect.gateway
  - konnect.konnect.attributes
seealso:
  - module: konnect.konnect.gateway_vault_info
  - module: konnect.konnect.gateway_certificate
  - module: konnect.konnect.gateway_plugin
'''

EXAMPLES = r'''
- name: Environment variables of the data planes, read as {vault://env-secrets/orders-db-password} from SECRET_ORDERS_DB_PASSWORD
  konnect.konnect.gateway_vault:
    control_plane: prod-eu
    konnect_region: eu
    prefix: env-secrets
    name: env
    description: Secrets from the data plane environment
    config:
      prefix: SECRET_
    tags: [platform]

- name: AWS Secrets Manager in one region
  konnect.konnect.gateway_vault:
    control_plane: prod-eu
    prefix: aws-prod
    name: aws
    config:
      region: eu-central-1

- name: HashiCorp Vault with Kubernetes authentication
  konnect.konnect.gateway_vault:
    control_plane: prod-eu
    prefix: hcv
    name: hcv
    config:
      protocol: https
      host: vault.internal
      port: 8200
      mount: secret
      kv: v2
      auth_method: kubernetes
      kube_role: kong

- name: A Konnect config store, with the control plane by id
  konnect.konnect.gateway_vault:
    control_plane: 7f9fd312-a987-4628-b4c5-bb4f4fddd5f7
    prefix: konnect-store
    name: konnect
    config:
      config_store_id: d32d905a-ed33-46a3-a093-d8f536af9a8a

- name: Keep exactly these tags
  konnect.konnect.gateway_vault:
    control_plane: prod-eu
    prefix: aws-prod
    name: aws
    tags: [platform, aws]
    purge_tags: true

- name: Delete a vault
  konnect.konnect.gateway_vault:
    control_plane: prod-eu
    prefix: hcv
    state: absent
'''

RETURN = r'''
gateway_vault:
  description:
    - The vault as Konnect returns it after the task (the predicted one in check mode); an empty dict after a deletion.
  returned: always
  type: dict
  sample:
    id: 2747d1e5-8246-4f65-a939-b392f1ee17f8
    prefix: env-secrets
    name: env
    description: Secrets from the data plane environment
    config:
      prefix: SECRET_
    tags: [platform]
    created_at: 1763892000
    updated_at: 1763892000
diff:
  description: Before and after of the prefix, the id and the fields the task sets, when run with C(--diff).
  returned: when diff mode is on
  type: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import EntityTask

TASK = EntityTask('gateway_vault')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
