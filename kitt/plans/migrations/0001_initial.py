
import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('cases', '0001_initial'),
        ('directory', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='Plan',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('version', models.PositiveIntegerField(default=1)),
                ('revision', models.PositiveIntegerField(default=0, verbose_name='senaste versionen')),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('updated_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('case', models.OneToOneField(on_delete=django.db.models.deletion.PROTECT, related_name='plan', to='cases.case')),
                ('created_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'gemensam handlingsplan',
                'verbose_name_plural': 'gemensamma handlingsplaner',
            },
        ),
        migrations.CreateModel(
            name='Intervention',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('title', models.CharField(max_length=200, verbose_name='insats')),
                ('description', models.TextField(blank=True, verbose_name='beskrivning')),
                ('planned_start', models.DateField(blank=True, null=True, verbose_name='planerad start')),
                ('planned_end', models.DateField(blank=True, null=True, verbose_name='planerat slut')),
                ('actual_start', models.DateField(blank=True, null=True, verbose_name='faktisk start')),
                ('actual_end', models.DateField(blank=True, null=True, verbose_name='faktiskt slut')),
                ('status', models.CharField(choices=[('planned', 'Planerad'), ('ongoing', 'Pågår'), ('paused', 'Pausad'), ('completed', 'Avslutad'), ('cancelled', 'Avbruten')], default='planned', max_length=20, verbose_name='status')),
                ('status_reason', models.CharField(blank=True, help_text='Krävs när insatsen avbryts.', max_length=300, verbose_name='anledning')),
                ('position', models.PositiveIntegerField(default=0)),
                ('version', models.PositiveIntegerField(default=1)),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('created_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('organisation', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='interventions', to='directory.organisation', verbose_name='ansvarig organisation')),
                ('responsible', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='responsible_interventions', to=settings.AUTH_USER_MODEL, verbose_name='ansvarig handläggare')),
                ('service', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='interventions', to='directory.service', verbose_name='insats i tjänstekatalogen')),
                ('plan', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='interventions', to='plans.plan')),
            ],
            options={
                'verbose_name': 'insats',
                'verbose_name_plural': 'insatser',
                'ordering': ['plan', 'position', 'pk'],
            },
        ),
        migrations.CreateModel(
            name='Goal',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('long', 'Långsiktigt mål'), ('short', 'Kortsiktigt mål')], max_length=10, verbose_name='typ av mål')),
                ('text', models.TextField(verbose_name='mål')),
                ('own_words', models.BooleanField(default=False, help_text='Kryssa i om målet är skrivet så som personen själv uttryckte det.', verbose_name='med personens egna ord')),
                ('target_date', models.DateField(blank=True, null=True, verbose_name='måldatum')),
                ('status', models.CharField(choices=[('active', 'Pågår'), ('achieved', 'Uppnått'), ('partly', 'Delvis uppnått'), ('not_achieved', 'Inte uppnått'), ('dropped', 'Ändrat eller strukits')], default='active', max_length=20, verbose_name='status')),
                ('position', models.PositiveIntegerField(default=0)),
                ('plan', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='goals', to='plans.plan')),
            ],
            options={
                'verbose_name': 'mål',
                'verbose_name_plural': 'mål',
                'ordering': ['plan', 'kind', 'position', 'pk'],
            },
        ),
        migrations.CreateModel(
            name='PlanVersion',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('number', models.PositiveIntegerField(verbose_name='version')),
                ('snapshot', models.JSONField()),
                ('summary', models.CharField(blank=True, max_length=500, verbose_name='ändring')),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('created_by_name', models.CharField(blank=True, max_length=200)),
                ('organisation_name', models.CharField(blank=True, max_length=200)),
                ('created_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('plan', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='versions', to='plans.plan')),
            ],
            options={
                'verbose_name': 'version av handlingsplan',
                'verbose_name_plural': 'versioner av handlingsplan',
                'ordering': ['plan', '-number'],
            },
        ),
        migrations.CreateModel(
            name='PlanSignature',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('method', models.CharField(choices=[('paper', 'På papper vid ett möte'), ('portal', 'I personens egna sidor'), ('verbal', 'Muntligt med vittne')], max_length=10, verbose_name='hur planen undertecknades')),
                ('signed_on', models.DateField(verbose_name='datum')),
                ('witness_name', models.CharField(blank=True, max_length=200, verbose_name='vittne')),
                ('note', models.CharField(blank=True, max_length=500, verbose_name='anteckning')),
                ('recorded_by_name', models.CharField(blank=True, max_length=200)),
                ('recorded_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('recorded_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('version', models.OneToOneField(on_delete=django.db.models.deletion.PROTECT, related_name='signature', to='plans.planversion')),
            ],
            options={
                'verbose_name': 'underskrift',
                'verbose_name_plural': 'underskrifter',
            },
        ),
        migrations.CreateModel(
            name='Referral',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('message', models.TextField(blank=True, verbose_name='meddelande till mottagaren')),
                ('status', models.CharField(choices=[('requested', 'Skickad'), ('accepted', 'Accepterad'), ('rejected', 'Avböjd'), ('in-progress', 'Pågår'), ('on-hold', 'Vilande'), ('completed', 'Genomförd'), ('cancelled', 'Återkallad'), ('failed', 'Misslyckad')], default='requested', max_length=20, verbose_name='status')),
                ('reason_code', models.CharField(blank=True, choices=[('person-declined', 'Personen tackade nej'), ('no-capacity', 'Ingen plats eller kapacitet'), ('no-longer-needed', 'Behövs inte längre'), ('unreachable', 'Fick inte kontakt med personen'), ('not-eligible', 'Uppfyller inte villkoren'), ('other', 'Annat skäl')], max_length=20, verbose_name='skäl')),
                ('reason_text', models.CharField(blank=True, max_length=500, verbose_name='förklaring')),
                ('outcome', models.TextField(blank=True, verbose_name='resultat')),
                ('answer_by', models.DateField(verbose_name='svar senast')),
                ('requested_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('answered_at', models.DateTimeField(blank=True, null=True)),
                ('closed_at', models.DateTimeField(blank=True, null=True)),
                ('version', models.PositiveIntegerField(default=1)),
                ('answered_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('from_organisation', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='referrals_sent', to='directory.organisation')),
                ('intervention', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='referral', to='plans.intervention')),
                ('recipient', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='referrals_received', to=settings.AUTH_USER_MODEL, verbose_name='mottagare')),
                ('requested_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='referrals_sent', to=settings.AUTH_USER_MODEL)),
                ('to_organisation', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='referrals_received', to='directory.organisation')),
            ],
            options={
                'verbose_name': 'remiss',
                'verbose_name_plural': 'remisser',
                'ordering': ['answer_by', 'pk'],
            },
        ),
        migrations.CreateModel(
            name='ReferralEvent',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('from_status', models.CharField(blank=True, choices=[('requested', 'Skickad'), ('accepted', 'Accepterad'), ('rejected', 'Avböjd'), ('in-progress', 'Pågår'), ('on-hold', 'Vilande'), ('completed', 'Genomförd'), ('cancelled', 'Återkallad'), ('failed', 'Misslyckad')], max_length=20)),
                ('to_status', models.CharField(choices=[('requested', 'Skickad'), ('accepted', 'Accepterad'), ('rejected', 'Avböjd'), ('in-progress', 'Pågår'), ('on-hold', 'Vilande'), ('completed', 'Genomförd'), ('cancelled', 'Återkallad'), ('failed', 'Misslyckad')], max_length=20)),
                ('reason_code', models.CharField(blank=True, choices=[('person-declined', 'Personen tackade nej'), ('no-capacity', 'Ingen plats eller kapacitet'), ('no-longer-needed', 'Behövs inte längre'), ('unreachable', 'Fick inte kontakt med personen'), ('not-eligible', 'Uppfyller inte villkoren'), ('other', 'Annat skäl')], max_length=20)),
                ('note', models.TextField(blank=True)),
                ('actor_name', models.CharField(blank=True, max_length=200)),
                ('organisation_name', models.CharField(blank=True, max_length=200)),
                ('occurred_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('actor', models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('referral', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='events', to='plans.referral')),
            ],
            options={
                'ordering': ['occurred_at', 'pk'],
            },
        ),
        migrations.AddIndex(
            model_name='intervention',
            index=models.Index(fields=['organisation', 'status'], name='intervention_org_status'),
        ),
        migrations.AddIndex(
            model_name='intervention',
            index=models.Index(fields=['responsible', 'status'], name='intervention_resp_status'),
        ),
        migrations.AddConstraint(
            model_name='planversion',
            constraint=models.UniqueConstraint(fields=('plan', 'number'), name='plan_version_number'),
        ),
        migrations.AddIndex(
            model_name='referral',
            index=models.Index(fields=['to_organisation', 'status'], name='referral_to_status'),
        ),
        migrations.AddIndex(
            model_name='referral',
            index=models.Index(fields=['status', 'answer_by'], name='referral_status_due'),
        ),
    ]
