"""The reminder log's breadcrumb leads back to the agenda, a crumb the meetings app registers
(sessions.reminders.pages) because reminders sits below meetings and names none of its URLs."""

from django.urls import reverse


def test_reminder_log_crumb_leads_back_to_the_agenda(client, network, coordinator):
    client.force_login(coordinator)
    response = client.get(reverse("reminders:log", args=[network.slug]))
    assert response.status_code == 200
    agenda = reverse("meetings:network_agenda", args=[network.slug])
    assert f'<li class="breadcrumb-item"><a href="{agenda}">Agenda</a></li>' in (
        response.content.decode()
    )
