// The campaign wizard: shows the fields the choices above them call for, counts the message's characters and previews
// it for a sample name. Without scripts every field shows and the server checks the same.
document.addEventListener('DOMContentLoaded', () => {
    const form = document.getElementById('outreach-wizard');
    if (!form) return;
    const chosen = (name) => {
        const checked = form.querySelector(`input[name="${name}"]:checked`);
        return checked ? checked.value : '';
    };
    const toggle = () => {
        form.querySelectorAll('[data-show-for]').forEach((part) => {
            const shown = part.dataset.showFor.split(' ').some((condition) => {
                const [name, value] = condition.split('=');
                return chosen(name) === value;
            });
            part.hidden = !shown;
        });
    };
    const text = document.getElementById('wizard-text');
    const count = document.getElementById('message-count');
    const preview = document.getElementById('message-preview');
    const show = () => {
        const value = text.value;
        count.textContent = `${value.length}/200`;
        count.classList.toggle('closed', value.length > 200);
        preview.textContent = value.trim() ? value.split('{name}').join(text.dataset.sample || '') : '';
        preview.hidden = !value.trim();
    };
    form.addEventListener('change', toggle);
    text.addEventListener('input', show);
    toggle();
    show();
});
