# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The tasks of ``mesh_resource`` and ``mesh_resource_info``: Kuma resources have a name and no id, so their options
are the entity module's without ``id`` (and the info module's without ``id`` and ``filters``), plus ``kind`` and
``mesh``. The work is the engines' in ``entities/mesh.py``."""

from __future__ import annotations

from ansible_collections.konnect.konnect.plugins.module_utils.runner import EntityTask, InfoTask


class MeshResourceTask(EntityTask):

    def __init__(self):
        super(MeshResourceTask, self).__init__('mesh_resource')

    def entity_options(self):
        options = super(MeshResourceTask, self).entity_options()
        options.pop('id')
        options['name'] = dict(type='str', required=True)
        return options

    def argument_spec(self):
        spec = super(MeshResourceTask, self).argument_spec()
        for name in ('kind', 'name'):
            spec[name] = dict(spec[name], required=True)  # a Kuma resource has no id to find it by
        return spec

    def extra_rules(self):
        return {}


class MeshResourceInfoTask(InfoTask):

    def __init__(self):
        super(MeshResourceInfoTask, self).__init__('mesh_resource')

    def entity_options(self):
        return dict(kind=dict(type='str', required=True), mesh=dict(type='str'), name=dict(type='str'))

    def extra_rules(self):
        return {}
