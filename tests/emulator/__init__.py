# Copyright: Contributors to the konnect.konnect collection
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Stateful local emulator of the Kong Konnect REST API, derived from the official OpenAPI specs."""

DEMO_TOKEN = 'kpat_konnectEmulatorDemoToken0000000000000000000000'
DEMO_USER = 'admin@example.com'
DEMO_PASSWORD = 'konnect-demo-password'
