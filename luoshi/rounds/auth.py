"""Login and logout pages (Django's auth views) with failed-login throttling."""

from __future__ import annotations

from django import forms
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm

from luoshi.rounds import throttle


class ThrottledLoginForm(AuthenticationForm):
    """Refuses every attempt — right password or not — while the name is locked from this address
    (or, after many more failures, from everywhere): luoshi/rounds/throttle.py."""

    def clean(self):
        username = self.cleaned_data.get("username") or ""
        ip = throttle.client_ip(self.request) if self.request else None
        if throttle.is_locked(username, ip):
            raise forms.ValidationError(throttle.locked_message(), code="locked")
        try:
            cleaned = super().clean()
        except forms.ValidationError:
            throttle.record_failure(username, ip)
            raise
        throttle.clear(username)
        return cleaned


class LoginView(auth_views.LoginView):
    form_class = ThrottledLoginForm
    template_name = "registration/login.html"
    redirect_authenticated_user = True


class LogoutView(auth_views.LogoutView):
    template_name = "registration/logged_out.html"
